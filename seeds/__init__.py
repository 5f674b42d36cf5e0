"""The bundled corpus: five Chongqing Daily reports with a `.meta.json` (date, title, source) each."""
