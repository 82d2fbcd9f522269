#!/usr/bin/env python3
"""Stage the web client into a folder the server serves as-is.

Gives the wasm, JS and font content-hashed names (so the server can let browsers cache them
for a year), fills those names into shell/index.html and the service worker's precache list,
and writes precompressed .gz (zlib, level 9) and .br (Debian's brotli, quality 11) siblings.
Stale files from earlier builds are removed. Standard library only, plus the brotli CLI.
"""
import argparse
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys

COMPRESSIBLE = ('.html', '.js', '.wasm', '.ttf', '.svg', '.webmanifest', '.json', '.css')


def digest(data):
    return hashlib.sha256(data).hexdigest()[:12]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', required=True)
    ap.add_argument('--shell', required=True)
    ap.add_argument('--js', required=True, help='emscripten output; the .wasm sits beside it')
    ap.add_argument('--font', required=True)
    args = ap.parse_args()

    js = open(args.js, 'rb').read()
    wasm = open(os.path.splitext(args.js)[0] + '.wasm', 'rb').read()
    font = open(args.font, 'rb').read()
    files = {
        f'huigong.{digest(js)}.js': js,
        f'huigong.{digest(wasm)}.wasm': wasm,
        f'font.{digest(font)}.ttf': font,
    }
    names = list(files)
    for name in ('manifest.webmanifest', 'icon.svg'):
        files[name] = open(os.path.join(args.shell, name), 'rb').read()

    build = digest(b''.join(files[n] for n in sorted(files)))
    page = open(os.path.join(args.shell, 'index.html'), encoding='utf-8').read()
    for key, value in {'{{JS}}': names[0], '{{WASM}}': names[1], '{{FONT}}': names[2],
                       '{{WASM_BYTES}}': str(len(wasm)), '{{FONT_BYTES}}': str(len(font))}.items():
        page = page.replace(key, value)
    files['index.html'] = page.encode('utf-8')
    precache = ['./', 'index.html', 'manifest.webmanifest', 'icon.svg'] + names
    sw = open(os.path.join(args.shell, 'sw.js'), encoding='utf-8').read()
    sw = sw.replace('{{BUILD}}', build).replace('{{PRECACHE}}', json.dumps(precache))
    files['sw.js'] = sw.encode('utf-8')
    if '{{' in page or '{{' in sw:
        sys.exit('stage-site: a placeholder was left unfilled in index.html or sw.js')

    os.makedirs(args.out, exist_ok=True)
    keep = set()
    for name, data in files.items():
        path = os.path.join(args.out, name)
        keep.add(name)
        if not (os.path.exists(path) and open(path, 'rb').read() == data):
            with open(path + '.tmp', 'wb') as f:
                f.write(data)
            os.replace(path + '.tmp', path)
        if name.endswith(COMPRESSIBLE):
            keep.update((name + '.gz', name + '.br'))
            if not os.path.exists(path + '.gz') or os.path.getmtime(path + '.gz') < os.path.getmtime(path):
                with open(path + '.gz', 'wb') as f:
                    f.write(gzip.compress(data, 9, mtime=0))
            if not os.path.exists(path + '.br') or os.path.getmtime(path + '.br') < os.path.getmtime(path):
                subprocess.run(['brotli', '-f', '-q', '11', '-o', path + '.br', path], check=True)
    for name in os.listdir(args.out):
        if name not in keep:
            p = os.path.join(args.out, name)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)

    for name in names:
        raw = len(files[name])
        gz = os.path.getsize(os.path.join(args.out, name + '.gz'))
        br = os.path.getsize(os.path.join(args.out, name + '.br'))
        print(f'  {name:32} {raw / 1024:8.1f} KB  gzip {gz / 1024:7.1f} KB  brotli {br / 1024:7.1f} KB')
    print(f'stage-site: build {build} -> {args.out}')


if __name__ == '__main__':
    main()
