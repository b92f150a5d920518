#!/usr/bin/env python3
"""Indexes a folder into an SQLite FTS5 table (porter tokenizer): the peer
that bench/index-peers compares trawl-index with.

Usage: fts5_index.py CORPUS DB.sqlite

Every regular file becomes one row (path, body); bytes that are not UTF-8 are
replaced, as trawl does. One transaction, as a careful FTS5 user would write it.
"""
import os
import sqlite3
import sys


def main(corpus, db_path):
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body,"
                " tokenize = 'porter unicode61')")
    with db:
        for folder, _, files in os.walk(corpus):
            for name in sorted(files):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    body = f.read().decode("utf-8", "replace")
                db.execute("INSERT INTO docs (path, body) VALUES (?, ?)", (path, body))
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
