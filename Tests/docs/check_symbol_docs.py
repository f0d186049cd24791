"""Fails when a public symbol of the documented modules has no doc comment.

Reads the symbol graphs the DocC plugin extracted (`make docs`), one JSON file per module and
extension file, and lists every public or open symbol without a `docComment`, except symbols
synthesised by the compiler or inherited from a protocol's documentation (DocC shows those from
their source). Exit 1 with one line per undocumented symbol, 2 for a missing symbol graph.

    python3 Tests/docs/check_symbol_docs.py SYMBOL_GRAPH_DIR MODULE...
"""
import json
import pathlib
import sys


def undocumented(graph_dir, module):
    files = sorted(pathlib.Path(graph_dir).rglob(f"{module}*.symbols.json"))
    files = [f for f in files if f.name == f"{module}.symbols.json" or f.name.startswith(f"{module}@")]
    if not files:
        print(f"no symbol graph for {module} under {graph_dir}: run make docs", file=sys.stderr)
        sys.exit(2)
    missing = []
    for f in files:
        graph = json.loads(f.read_text())
        for symbol in graph.get("symbols", []):
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            if symbol.get("docComment") or "sourceOrigin" in symbol.get("names", {}) or "sourceOrigin" in symbol:
                continue
            if symbol.get("location") is None:  # synthesised (Equatable ==, Codable init, …)
                continue
            name = ".".join(symbol.get("pathComponents", [])) or symbol["identifier"]["precise"]
            loc = symbol["location"]
            missing.append(f"{module}: {name} ({loc['uri'].split('/Sources/')[-1]}:{loc['position']['line'] + 1}) has no doc comment")
    return missing


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        sys.exit(2)
    missing = [m for module in sys.argv[2:] for m in undocumented(sys.argv[1], module)]
    for m in sorted(set(missing)):
        print(m)
    if missing:
        sys.exit(1)
    print(f"every public symbol documented: {', '.join(sys.argv[2:])}")


main()
