#!/usr/bin/env bash
# System packages the tests need, from Debian's archive (CI machines start without them).
# Idempotent: packages already present are not downloaded again.
set -euo pipefail

# chromium: the view's browser tests. virtuoso-opensource-7-bin: the Virtuoso server
# (virtuoso-t) and its SQL client (isql-vt) that tests/test_push.py starts on 127.0.0.1 — the
# binaries of Debian's virtuoso-opensource without its init script, so no system service starts.
# default-jdk-headless, libapache-jena-java, librdf4j-java: tests/test_jena_rdf4j.py loads and
# queries the graph with Apache Jena's TDB2 tools (the store behind Fuseki) and parses it with
# RDF4J's Rio (GraphDB's and neosemantics' parsers), from Debian's jars; the JDK, not only a
# JRE, because that test compiles tests/java/RioCount.java with javac.
# fonts-wqy-zenhei: a CJK font for the browser tests and their screenshots (without one every
# Chinese label is an empty box) — 7.5 MB against fonts-noto-cjk's 57 MB, and it covers all of
# the CJK Unified Ideographs block and Extension A, simplified and traditional alike.
packages=(chromium virtuoso-opensource-7-bin default-jdk-headless libapache-jena-java librdf4j-java fonts-wqy-zenhei)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
