// Module ImageComparison: implementation lands in its own files.
