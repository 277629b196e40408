"""The store: where a consortium's data is kept and kept safe.

Opening a database and its migrations (db, revisions, files, connection), one writer per SQLite
file and locks on the shared server (writer_lock, locks, concurrency), the file's safety
(backups, checkpoint, storage), shared-mode passwords and change notices (credentials, sync),
and the handover file between secretariats (handover, handover_check). The domain (models,
workflow, costs, audit, vocab, wareki) and the use cases (ops/) stay outside it.
"""
