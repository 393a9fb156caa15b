-- The kg knowledge-graph store. The only schema: compiled into kg_graph.
-- Bump `user_version` at the end and add a migration step in graph/store.cpp
-- whenever this file changes.

-- One row per ingested article (or imported triples file).
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,      -- file name as ingested, or collection id
  content_hash  TEXT NOT NULL,             -- SHA-256 of the stored text, hex
  text          TEXT NOT NULL,             -- UTF-8 text as stored; spans index it in bytes
  title         TEXT,
  published     TEXT,                      -- publication date as given by the source
  ingested_at   TEXT NOT NULL              -- UTC, ISO 8601
);

-- Nodes. `key` is the normalised identity within a type (see graph/names.h):
-- folded case and corporate suffixes for names, unit and value for amounts.
CREATE TABLE entities (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,               -- canonical name
  type        TEXT NOT NULL,               -- Company, Person, Model, Chip, Amount, Product, Place, ...
  key         TEXT NOT NULL,
  ticker      TEXT,
  value       REAL,                        -- Amount: normalised value
  unit        TEXT,                        -- Amount: ISO 4217 code, parameters, percent, ...
  attributes  TEXT NOT NULL DEFAULT '{}',  -- JSON object of further attributes
  UNIQUE (type, key)
);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);
CREATE INDEX entities_ticker ON entities (ticker);

-- Every surface form an entity was seen as, with its normalised key.
CREATE TABLE aliases (
  entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  key        TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases (key);

-- Which documents mention which entities (also entities in no relation).
CREATE TABLE mentions (
  entity_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  count        INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (entity_id, document_id)
) WITHOUT ROWID;
CREATE INDEX mentions_document ON mentions (document_id);

-- Edges. Symmetric relations are stored once, with subject_id < object_id.
-- `confidence` aggregates the evidence: 1 - prod(1 - evidence.confidence).
CREATE TABLE relations (
  id          INTEGER PRIMARY KEY,
  subject_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  object_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  confidence  REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  qualifiers  TEXT NOT NULL DEFAULT '{}',  -- JSON object: period, purpose, date, ...
  UNIQUE (subject_id, type, object_id)
);
CREATE INDEX relations_object ON relations (object_id, type);
CREATE INDEX relations_type ON relations (type);

-- Why a relation is believed: one row per supporting sentence.
CREATE TABLE evidence (
  id              INTEGER PRIMARY KEY,
  relation_id     INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  sentence_index  INTEGER NOT NULL,
  span_start      INTEGER NOT NULL,          -- byte offsets [start, end) of the sentence
  span_end        INTEGER NOT NULL,
  sentence        TEXT NOT NULL,
  rule            TEXT NOT NULL,             -- the extraction rule (or "import")
  confidence      REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  CHECK (span_start <= span_end)
);
CREATE INDEX evidence_relation ON evidence (relation_id);
CREATE INDEX evidence_document ON evidence (document_id);

PRAGMA user_version = 2;
