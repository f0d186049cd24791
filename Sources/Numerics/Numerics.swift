// Module Numerics: implementation lands in its own files.
