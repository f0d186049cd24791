// Module Figures: implementation lands in its own files.
