// Module Optomechanics: implementation lands in its own files.
