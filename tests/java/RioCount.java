// Parses RDF files with Eclipse RDF4J's Rio parsers — the parsers GraphDB and Neo4j's
// neosemantics (n10s) read files with — and prints one line per file: "<statements>\t<file>",
// or "error\t<file>\t<message>" for a file Rio rejects (exit status 1 if any is rejected).
// The format comes from the file name (.ttl .trig .nq .nt .jsonld). Datatype values and
// language tags are verified too, so an ill-formed literal is an error, not a silent pass.
import java.io.FileInputStream;
import java.io.InputStream;

import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

public class RioCount {
    static final class Counter extends AbstractRDFHandler {
        long statements;

        @Override
        public void handleStatement(Statement st) {
            statements++;
        }
    }

    static long count(String file) throws Exception {
        RDFFormat format = Rio.getParserFormatForFileName(file)
            .orElseThrow(() -> new IllegalArgumentException("no RDF format for " + file));
        RDFParser parser = Rio.createParser(format);
        parser.set(BasicParserSettings.VERIFY_DATATYPE_VALUES, true);
        parser.set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, true);
        Counter counter = new Counter();
        parser.setRDFHandler(counter);
        try (InputStream in = new FileInputStream(file)) {
            parser.parse(in, "http://example.org/base/");
        }
        return counter.statements;
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        for (String file : args) {
            try {
                System.out.println(count(file) + "\t" + file);
            } catch (RDFParseException e) {
                System.out.println("error\t" + file + "\t" + e.getMessage().replaceAll("\\s+", " "));
                status = 1;
            }
        }
        System.exit(status);
    }
}
