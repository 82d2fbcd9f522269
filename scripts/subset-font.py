#!/usr/bin/python3
"""Cut the UI font: GB2312 level 1 (3,755 common hanzi), GB2312's punctuation and symbol
rows, ASCII, and every character used in the sources of the UI, core, server and demo data,
from Debian's WenQuanYi Micro Hei (fonts-wqy-microhei), with Debian's fontTools.

Usage: subset-font.py --font FILE.ttc --out OUT.ttf --scan DIR [--scan DIR ...]
Run with Debian's /usr/bin/python3, which is where python3-fonttools is installed.
"""
import argparse
import os
import sys

from fontTools import subset

SOURCE_SUFFIXES = ('.h', '.cpp', '.js', '.html', '.json', '.sql')


def gb2312_chars():
    out = set()
    # Row 1 holds punctuation and symbols, row 3 full-width ASCII (kana, Greek, Cyrillic and
    # box drawing in rows 2-9 are left out: the UI does not use them);
    # rows 16-55 are level-1 hanzi (0xB0A1-0xD7F9).
    rows = [0xA1, 0xA3] + list(range(0xB0, 0xD8))
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return out


def scanned_chars(dirs):
    out = set()
    for d in dirs:
        for root, _, files in os.walk(d):
            for name in files:
                if name.endswith(SOURCE_SUFFIXES):
                    with open(os.path.join(root, name), encoding='utf-8', errors='ignore') as f:
                        out.update(c for c in f.read() if ord(c) > 0x7F)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--font', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--scan', action='append', default=[])
    args = ap.parse_args()

    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars |= gb2312_chars()
    chars |= scanned_chars(args.scan)
    chars |= set('¥￥·…—–“”‘’《》「」、。，：；！？（）【】')
    text = ''.join(sorted(chars))

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + '.tmp'
    subset.main([
        args.font,
        '--font-number=0',            # the .ttc's first face: WenQuanYi Micro Hei
        '--text=' + text,
        '--output-file=' + tmp,
        '--no-hinting',               # ImGui's rasteriser ignores hints; they are a third of the size
        '--desubroutinize',
        '--layout-features=',         # no GSUB/GPOS: ImGui does not shape text
        '--name-IDs=0,1,2,3,4,5,6',   # keep copyright and licence names
        '--notdef-outline',
        '--drop-tables+=FFTM,GDEF,GSUB,GPOS,DSIG,vhea,vmtx',  # ImGui lays text out horizontally only
    ])
    os.replace(tmp, args.out)
    print(f'subset-font: {len(chars)} characters, {os.path.getsize(args.out) // 1024} KB -> {args.out}')


if __name__ == '__main__':
    sys.exit(main())
