#!/usr/bin/env python3
"""Print a Java class path (jars joined by ':') for Debian Java library packages, so that the
command-line tools in Debian's jars run without a separate distribution:

    java -cp "$(python3 scripts/debian_classpath.py libapache-jena-java)" tdb2.tdbloader --loc DB out/graph.nq

The class path holds the jars in /usr/share/java of the named packages and of every installed
package they depend on, recursively: Debian's jars carry no Class-Path manifest, and
'/usr/share/java/*' does not work — it holds every SLF4J binding and bridge at once
(slf4j-log4j12 next to log4j-over-slf4j stops Jena at start-up) — so of SLF4J's jars only the
API and the simple binding (messages on stderr) are kept.

Debian's jena-core 4.5.0 moved the Xerces classes it embeds to the package `xerces` but left
their message bundles under org/apache/jena/ext/xerces, and every Jena command then stops at
start-up ("RuntimeException: internal error" in XSSimpleTypeDecl). When that is so, the bundles
are copied once into a cache folder ($CADREGRAPH_JAVA_CACHE, else ~/.cache/cadregraph) where
the classes look for them, and that folder goes on the class path.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

JARS = re.compile(r"^/usr/share/java/[^/]+\.jar$")
SLF4J_KEPT = re.compile(r"^slf4j-(api|simple)[-.0-9]*\.jar$")
XERCES_CLASS = "xerces/impl/dv/xs/XSSimpleTypeDecl.class"
XERCES_BUNDLES = "org/apache/jena/ext/xerces/"


def installed_depends() -> dict[str, list[str]]:
    """Installed package → the packages it depends on (every alternative of an 'a | b')."""
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Status}\t${Depends}\n"],
                         capture_output=True, text=True, check=True).stdout
    depends = {}
    for line in out.splitlines():
        name, status, deps = (line.split("\t") + ["", ""])[:3]
        if status.endswith(" installed"):
            depends[name] = [re.sub(r"\(.*|:any|\s", "", d) for d in re.split(r"[,|]", deps) if d.strip()]
    return depends


def closure(roots: list[str], depends: dict[str, list[str]]) -> list[str]:
    seen, todo = [], list(roots)
    while todo:
        name = todo.pop(0)
        if name in depends and name not in seen:
            seen.append(name)
            todo.extend(depends[name])
    return seen


def package_jars(packages: list[str]) -> list[str]:
    """The jars of `packages`, one path per jar file (name.jar links to name-VERSION.jar)."""
    out = subprocess.run(["dpkg-query", "-L", *packages], capture_output=True, text=True, check=True).stdout
    by_file: dict[str, str] = {}
    for path in sorted(set(out.splitlines())):
        name = os.path.basename(path)
        if JARS.match(path) and ("slf4j" not in name or SLF4J_KEPT.match(name)):
            by_file.setdefault(os.path.realpath(path), path)
    return sorted(by_file.values())


def xerces_bundles(jars: list[str], cache: Path) -> list[str]:
    """A folder with jena-core's Xerces message bundles where its relocated classes look."""
    for jar in jars:
        if not os.path.basename(jar).startswith("jena-core"):
            continue
        with zipfile.ZipFile(jar) as z:
            names = set(z.namelist())
            if XERCES_CLASS not in names or "xerces/impl/msg/XMLSchemaMessages.properties" in names:
                return []
            stat = os.stat(jar)  # one folder per jena-core build
            folder = cache / f"jena-xerces-bundles-{stat.st_size}-{int(stat.st_mtime)}"
            for name in sorted(n for n in names if n.startswith(XERCES_BUNDLES) and n.endswith(".properties")):
                target = folder / "xerces" / name[len(XERCES_BUNDLES):]
                if not target.exists():   # written whole, then renamed: another run may read it
                    target.parent.mkdir(parents=True, exist_ok=True)
                    partial = target.with_name(f".{target.name}.{os.getpid()}")
                    partial.write_bytes(z.read(name))
                    os.replace(partial, target)
            return [str(folder)]
    return []


def not_installed(packages: list[str]) -> list[str]:
    depends = installed_depends()
    return [p for p in packages if p not in depends]


def classpath(packages: list[str], cache: Path | None = None) -> str:
    depends = installed_depends()
    missing = [p for p in packages if p not in depends]
    if missing:
        raise SystemExit(f"debian_classpath: not installed: {' '.join(missing)} (apt-get install {' '.join(missing)})")
    jars = package_jars(closure(packages, depends))
    if cache is None:
        cache = Path(os.environ.get("CADREGRAPH_JAVA_CACHE") or Path.home() / ".cache" / "cadregraph")
    return ":".join(jars + xerces_bundles(jars, cache))


def main(argv: list[str]) -> int:
    if not argv:
        print(f"usage: {sys.argv[0]} DEBIAN-PACKAGE...", file=sys.stderr)
        return 2
    print(classpath(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
