#!/usr/bin/env python3
# Deterministic synthetic corpus for benchmarks: N reports recombined from the paragraphs of the real reports
# (read at run time, never committed), keeping their structure: title, preamble, 一、 measures with numbered
# sub-headings, 二、 shortcomings, 三、 plan, closing and signature. Same seed and sources → same bytes.
"""Usage: bench/gen_corpus.py [--seed S] [--per-dir K] N OUT_DIR SOURCE.txt..."""

import argparse
import hashlib
import os
import random
import re
import sys

TOP = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
SUB = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)](.*)$")
NUMERALS = "一二三四五六七八九十"
PLACES = ["东城", "西城", "南湖", "北山", "江川", "河西", "青云", "白石", "临江", "长宁", "安平", "新华", "永和", "双桥",
          "金水", "石门", "高新", "滨海", "云岭", "龙泉"]
CITIES = ["江州市", "临海市", "云山市", "平川市", "青州市", "宁安市", "东阳市", "西岭市"]
KINDS = ["区", "县"]


def numeral(n):
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    return NUMERALS[n // 10 - 1] + "十" + (NUMERALS[n % 10 - 1] if n % 10 else "")


def clean(line):
    return line.strip().strip("\u3000").strip()


def classify(heading):
    if re.search("问题|不足|差距|短板", heading):
        return "shortcomings"
    if re.search("下一步|计划|安排|打算|思路|展望", heading):
        return "plan"
    return "measures"


def parse(text):
    """Returns (preamble paragraphs, {role: [block]}) where a block is (heading, [paragraphs])."""
    lines = [clean(l) for l in text.splitlines()]
    lines = [l for l in lines if l]
    preamble, pools = [], {"measures": [], "shortcomings": [], "plan": []}
    role, block, part_heading = None, None, ""
    for line in lines:
        if line.startswith(("特此报告", "专此报告", "关于《")):
            break
        top = TOP.match(line)
        if top:
            part_heading = top.group(2)
            role = classify(part_heading)
            block = (part_heading, [])
            pools[role].append(block)
            continue
        sub = SUB.match(line)
        if sub and role:
            heading, _, body = sub.group(2).partition("。")  # "（一）加强…管理。严格落实…" on one line
            block = (heading if body else sub.group(2), [body] if body else [])
            pools[role].append(block)
            continue
        if role is None:
            if len(line) >= 60 and not line.startswith(("来源", "发布时间")):
                preamble.append(line)
            continue
        block[1].append(line)
    for role in pools:  # a part whose text all sits in sub-sections leaves an empty block behind
        pools[role] = [b for b in pools[role] if b[1]]
    return preamble, pools


def build(rng, preamble, pools, index):
    city, place, kind = rng.choice(CITIES), rng.choice(PLACES), rng.choice(KINDS)
    issuer = f"{city}{place}{kind}人民政府"
    year = rng.randint(2019, 2023)
    out = [f"{issuer}关于{year}年度法治政府建设工作情况的报告", ""]
    out += [rng.choice(preamble), ""] if preamble else []
    parts = [("主要举措和成效", "measures", rng.randint(5, 9)),
             ("存在的问题与不足", "shortcomings", rng.randint(1, 3)),
             (f"{year + 1}年工作安排" if rng.random() < 0.3 else "下一步工作安排", "plan", rng.randint(2, 4))]
    for p, (title, role, count) in enumerate(parts, 1):
        pool = pools[role]
        if not pool:
            continue
        out += [f"{numeral(p)}、{title}", ""]
        for s, (heading, paragraphs) in enumerate(rng.sample(pool, min(count, len(pool))), 1):
            out += [f"（{numeral(s)}）{heading}", ""]
            for para in paragraphs:
                out += [para, ""]
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    out += ["特此报告。", "", issuer, f"{year + 1}年{month}月{day}日", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-dir", type=int, default=1000, help="reports per sub-folder")
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("sources", nargs="+")
    args = ap.parse_args()
    preamble, pools = [], {"measures": [], "shortcomings": [], "plan": []}
    seen = set()
    for path in sorted(args.sources):
        data = open(path, encoding="utf-8").read()
        digest = hashlib.sha256(data.encode()).hexdigest()
        if digest in seen:  # the sample and its corpus copy are one source
            continue
        seen.add(digest)
        pre, pl = parse(data)
        preamble += pre
        for role in pools:
            pools[role] += pl[role]
    if not pools["measures"]:
        sys.exit("gen_corpus: no measures sections found in the sources")
    rng = random.Random(args.seed)
    total = 0
    for i in range(args.n):
        text = build(rng, preamble, pools, i).encode("utf-8")
        folder = os.path.join(args.out, f"d{i // args.per_dir:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"r{i:06d}.txt"), "wb") as f:
            f.write(text)
        total += len(text)
    print(f"{args.n} reports, {total} bytes, {len(pools['measures'])}/{len(pools['shortcomings'])}/"
          f"{len(pools['plan'])} measure/shortcoming/plan blocks from {len(seen)} sources", file=sys.stderr)


if __name__ == "__main__":
    main()
