// Module Plot: implementation lands in its own files.
