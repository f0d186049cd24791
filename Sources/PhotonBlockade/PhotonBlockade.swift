// Module PhotonBlockade: implementation lands in its own files.
