#!/usr/bin/python3
"""Checks a kg database the way the reliability tests need, without kg itself.

  db_check.py DB integrity            PRAGMA integrity_check = ok, foreign_key_check empty
  db_check.py DB documents            one line per document: name<TAB>evidence rows<TAB>mentions
  db_check.py DB text-clean           every stored text is valid UTF-8 without control chars but \\n \\t
  db_check.py DB has-document NAME    exit 0 when a document of that name is stored
  db_check.py DB count TABLE          rows in TABLE
Exit 1 (with the reason on stderr) when a check fails.
"""
import sqlite3
import sys


def connect(path):
    # Read-only and immutable-free: see the database as another process would.
    # Like kg's reading commands (graph/store.cpp, RepairByWriter), a database
    # a killed writer left with a hot journal is first repaired by a short
    # read-write open: a read-only connection cannot roll the journal back.
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
    try:
        db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
        db.close()
        sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=60).execute(
            "SELECT count(*) FROM sqlite_schema").fetchone()
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
    db.text_factory = bytes
    return db


def main():
    path, what = sys.argv[1], sys.argv[2]
    db = connect(path)
    # A kg killed between creating the file and committing the schema leaves
    # an SQLite database without tables: intact, and the next kg creates the
    # schema. It holds no documents.
    if not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        if what == "integrity":
            rows = db.execute("PRAGMA integrity_check").fetchall()
            if rows != [(b"ok",)]:
                sys.exit(f"{path}: integrity_check: {rows[:5]}")
            return
        if what in ("documents", "text-clean"):
            return
        if what == "count":
            print(0)
            return
    if what == "integrity":
        rows = db.execute("PRAGMA integrity_check").fetchall()
        if rows != [(b"ok",)]:
            sys.exit(f"{path}: integrity_check: {rows[:5]}")
        bad = db.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            sys.exit(f"{path}: foreign_key_check: {bad[:5]}")
        # Evidence spans must lie inside their document's text.
        # Each text's length once (a 20 MB text per evidence row would be slow).
        bad = db.execute(
            "WITH sizes AS MATERIALIZED (SELECT id, name, length(CAST(text AS BLOB)) AS bytes FROM documents) "
            "SELECT s.name, e.span_start, e.span_end, s.bytes FROM evidence e JOIN sizes s ON s.id = e.document_id "
            "WHERE e.rule != 'import' AND (e.span_start < 0 OR e.span_end > s.bytes)"
        ).fetchall()
        if bad:
            sys.exit(f"{path}: evidence spans outside their text: {bad[:5]}")
    elif what == "documents":
        for name, evidence, mentions in db.execute(
            "SELECT d.name, (SELECT count(*) FROM evidence e WHERE e.document_id = d.id), "
            "(SELECT count(*) FROM mentions m WHERE m.document_id = d.id) FROM documents d ORDER BY d.name"
        ):
            print(f"{name.decode('utf-8', 'backslashreplace')}\t{evidence}\t{mentions}")
    elif what == "text-clean":
        for name, text in db.execute("SELECT name, CAST(text AS BLOB) FROM documents"):
            try:
                decoded = text.decode("utf-8")
            except UnicodeDecodeError as error:
                sys.exit(f"{name!r}: stored text is not UTF-8: {error}")
            bad = [c for c in decoded if (ord(c) < 32 and c not in "\n\t") or ord(c) == 127]
            if bad:
                sys.exit(f"{name!r}: stored text holds control characters {sorted(set(bad))!r}")
            if not decoded.strip():
                sys.exit(f"{name!r}: stored text is empty")
    elif what == "has-document":
        name = sys.argv[3].encode("utf-8", "surrogateescape")
        if db.execute("SELECT 1 FROM documents WHERE name = CAST(? AS TEXT)", (name,)).fetchone() is None:
            sys.exit(f"{path}: no document {sys.argv[3]!r}")
    elif what == "count":
        print(db.execute(f"SELECT count(*) FROM {sys.argv[3]}").fetchone()[0])
    else:
        sys.exit(f"unknown check {what}")


if __name__ == "__main__":
    main()
