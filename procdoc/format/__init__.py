"""The canonical layout of process files, and the round-trip documents fmt and fixes edit."""
