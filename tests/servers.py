"""Real graph databases for the push tests, started on 127.0.0.1 with free ports in a temporary
folder and stopped afterwards: the Oxigraph server (PyPI package `oxigraph`) and Virtuoso
(Debian's virtuoso-opensource-7-bin, installed by scripts/install-test-deps.sh)."""
from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

VIRTUOSO_INI = """[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, log: Path, seconds: float = 90.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text('utf-8', 'replace')[-2000:]}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.exceptions.RequestException:
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not answer within {seconds:g} s:\n{log.read_text('utf-8', 'replace')[-2000:]}")


def stop(process: subprocess.Popen, seconds: float = 30.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class OxigraphServer:
    def __init__(self, folder: Path):
        executable = Path(sys.executable).parent / "oxigraph"
        self.executable = str(executable) if executable.exists() else shutil.which("oxigraph")
        if not self.executable:
            raise RuntimeError("the Oxigraph server is not installed: pip install -e '.[test]' (package 'oxigraph')")
        self.folder, self.port = folder, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.store_url, self.query_url = f"{self.base}/store", f"{self.base}/query"

    def start(self) -> "OxigraphServer":
        self.log = self.folder / "oxigraph.log"
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [self.executable, "serve", "--location", str(self.folder / "db"), "--bind", f"127.0.0.1:{self.port}"],
                stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for_http(self.base + "/", self.process, self.log)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        stop(self.process)


class VirtuosoServer:
    """A throwaway Virtuoso: its own ini and database in `folder`, dba's password changed, and a
    user `cadregraph` (random password) allowed to write graphs (SPARQL_UPDATE role)."""

    user = "cadregraph"

    def __init__(self, folder: Path):
        self.binary, self.isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
        if not (self.binary and self.isql):
            raise RuntimeError("Virtuoso is not installed: run 'bash scripts/install-test-deps.sh' "
                               "(Debian package virtuoso-opensource-7-bin)")
        self.folder, self.sql_port, self.http_port = folder, free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.store_url, self.query_url = f"{self.base}/sparql-graph-crud-auth", f"{self.base}/sparql"
        self.password, self.dba_password = secrets.token_hex(12), secrets.token_hex(12)

    def start(self) -> "VirtuosoServer":
        (self.folder / "virtuoso.ini").write_text(
            VIRTUOSO_INI.format(sql_port=self.sql_port, http_port=self.http_port), "utf-8")
        self.log = self.folder / "virtuoso.out"
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen([self.binary, "+foreground", "+configfile", "virtuoso.ini"],
                                            cwd=self.folder, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for_http(self.query_url, self.process, self.log)
            self._set_up_users()
        except BaseException:
            self.stop()
            raise
        return self

    def _set_up_users(self) -> None:
        self.sql(f"DB.DBA.USER_CREATE('{self.user}', '{self.password}'); "
                 f"GRANT SPARQL_UPDATE TO \"{self.user}\"; "
                 f"DB.DBA.USER_CREATE('reader', '{self.password}'); "
                 f"USER_SET_PASSWORD('dba', '{self.dba_password}');", password="dba")

    def sql(self, statements: str, password: str | None = None) -> str:
        result = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", password or self.dba_password,
             f"exec={statements}"], capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}\n{result.stderr}")
        return result.stdout

    def stop(self) -> None:
        stop(self.process)


def sparql_select(query_url: str, query: str, url_params: dict | None = None) -> list[dict[str, str]]:
    """Rows of a SELECT over the SPARQL 1.1 Protocol, values as plain strings."""
    response = requests.post(query_url, params=url_params, data={"query": query},
                             headers={"Accept": "application/sparql-results+json"}, timeout=60)
    response.raise_for_status()
    data = response.json()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
