#!/usr/bin/env python3
"""One-off generator of the station map's offline base map (data/basemap/basemap_data.cpp).

Reads the administrative outlines in ../shared/geo (GeoJSON, some files begin with a UTF-8
BOM) and writes a compact binary blob, embedded in the client as a byte array so the map
draws with no network at all:

  level 0  China's provinces        (china.json)
  level 1  Fujian's prefectures     (province-35.json)
  level 2  districts of Fuzhou, Xiamen, Quanzhou, Zhangzhou (city-3501/3502/3505/3506.json)

Datum. Stations are GCJ-02. china.json and province-35.json agree with each other exactly;
the city-* files sit about (-0.003°, +0.003°) from them, the direction and size of the
GCJ-02 offset in Fujian, i.e. they are WGS-84 while the first two are GCJ-02. The city files
are therefore moved with the public WGS-84 -> GCJ-02 formula (the one in core/stations/gcj02)
before simplification; the script prints the median vertex gap to the prefecture outlines
before and after, so a rerun on other data shows whether the assumption still holds.

Each outline is kept at two levels of detail (Douglas-Peucker, tolerances in degrees): a
coarse one for the zooms that show a whole province or the country, a fine one for city and
district zooms. Coordinates are quantised to 1e-4 degree (about 11 m, far below the data's
1 km accuracy) and delta-encoded as zigzag varints. The provinces' fine outlines also carry
a triangulation (ear clipping) so the client can fill land without tessellating per frame.

Names come in Chinese (the map label) and English (EN below, for the English interface:
the usual romanised short forms, "Fujian", "Fuzhou", "Gulou"); a name missing from EN stops
the script, so new outlines arrive with both.

Blob layout (little endian):
  "HGBM" u8 version=2, u16 feature count, then per feature:
    u8 level, u8 name bytes, name (UTF-8), u8 English name bytes, English name,
    i32 label lon, i32 label lat (1e-4 deg)
    2 x lod: u16 ring count, per ring: u16 points, then points as zigzag varint deltas
             (the first from 0,0)
    u32 triangle count, then 3 varint indices each into the fine lod's points taken in ring
        order (0 when the feature is not filled)

Run: python3 data/basemap/build_basemap.py [../shared/geo]  (writes next to this script)
"""
import json
import math
import os
import statistics
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', '..', 'shared', 'geo')
Q = 10000  # 1e-4 degree
# Douglas-Peucker tolerances (degrees) per level: (coarse, fine).
TOL = {0: (0.08, 0.012), 1: (0.03, 0.006), 2: (0.012, 0.002)}


def load(name):
    with open(os.path.join(GEO, name + '.json'), encoding='utf-8-sig') as f:  # -sig: strips a BOM
        return json.load(f)['features']


def gcj02(lon, lat):
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * math.pi
    magic = 1 - ee * math.sin(rad) ** 2
    sm = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((a * (1 - ee)) / (magic * sm) * math.pi)
    dlon = (dlon * 180.0) / (a / sm * math.cos(rad) * math.pi)
    return lon + dlon, lat + dlat


# English map labels, keyed by the Chinese names in the GeoJSON files.
EN = {
    # provinces (china.json)
    '新疆维吾尔自治区': 'Xinjiang', '西藏自治区': 'Tibet', '内蒙古自治区': 'Inner Mongolia', '青海省': 'Qinghai',
    '四川省': 'Sichuan', '黑龙江省': 'Heilongjiang', '甘肃省': 'Gansu', '云南省': 'Yunnan', '广西壮族自治区': 'Guangxi',
    '湖南省': 'Hunan', '陕西省': 'Shaanxi', '广东省': 'Guangdong', '吉林省': 'Jilin', '河北省': 'Hebei', '湖北省': 'Hubei',
    '贵州省': 'Guizhou', '山东省': 'Shandong', '江西省': 'Jiangxi', '河南省': 'Henan', '辽宁省': 'Liaoning',
    '山西省': 'Shanxi', '安徽省': 'Anhui', '福建省': 'Fujian', '浙江省': 'Zhejiang', '江苏省': 'Jiangsu',
    '重庆市': 'Chongqing', '宁夏回族自治区': 'Ningxia', '海南省': 'Hainan', '台湾省': 'Taiwan', '北京市': 'Beijing',
    '天津市': 'Tianjin', '上海市': 'Shanghai', '香港特别行政区': 'Hong Kong', '澳门特别行政区': 'Macao',
    # Fujian's prefectures (province-35.json)
    '南平市': 'Nanping', '三明市': 'Sanming', '龙岩市': 'Longyan', '宁德市': 'Ningde', '福州市': 'Fuzhou',
    '漳州市': 'Zhangzhou', '泉州市': 'Quanzhou', '莆田市': 'Putian', '厦门市': 'Xiamen',
    # districts of Fuzhou
    '鼓楼区': 'Gulou', '仓山区': 'Cangshan', '长乐市': 'Changle', '福清市': 'Fuqing', '晋安区': "Jin'an",
    '连江县': 'Lianjiang', '罗源县': 'Luoyuan', '马尾区': 'Mawei', '闽侯县': 'Minhou', '闽清县': 'Minqing',
    '平潭县': 'Pingtan', '台江区': 'Taijiang', '永泰县': 'Yongtai',
    # of Xiamen
    '海沧区': 'Haicang', '湖里区': 'Huli', '集美区': 'Jimei', '思明区': 'Siming', '同安区': "Tong'an", '翔安区': "Xiang'an",
    # of Quanzhou
    '泉港区': 'Quangang', '石狮市': 'Shishi', '安溪县': 'Anxi', '德化县': 'Dehua', '丰泽区': 'Fengze', '惠安县': "Hui'an",
    '金门县': 'Kinmen', '晋江市': 'Jinjiang', '鲤城区': 'Licheng', '洛江区': 'Luojiang', '南安市': "Nan'an",
    '永春县': 'Yongchun',
    # of Zhangzhou
    '云霄县': 'Yunxiao', '长泰县': 'Changtai', '东山县': 'Dongshan', '华安县': "Hua'an", '龙海市': 'Longhai',
    '龙文区': 'Longwen', '南靖县': 'Nanjing', '平和县': 'Pinghe', '漳浦县': 'Zhangpu', '诏安县': "Zhao'an",
    '芗城区': 'Xiangcheng',
}


def short_province(name):
    """Map-label form of a province name: 广西壮族自治区 -> 广西, 福建省 -> 福建."""
    for suffix in ('壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市'):
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


def rings_of(geom):
    if geom['type'] == 'Polygon':
        return [geom['coordinates'][0]]  # outer rings only: the base map draws borders
    return [p[0] for p in geom['coordinates']]


def dp(points, tol):
    """Douglas-Peucker on a closed ring (first point kept, iterative)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        ax, ay = points[i]
        bx, by = points[j]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, at = -1.0, -1
        for k in range(i + 1, j):
            px, py = points[k]
            d = abs(dy * px - dx * py + bx * ay - by * ax) / norm if norm > 0 else math.hypot(px - ax, py - ay)
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(points, keep) if k]


def quantise(ring):
    out = []
    for lon, lat in ring:
        q = (round(lon * Q), round(lat * Q))
        if not out or out[-1] != q:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # the client closes rings itself
    return out


def area2(ring):
    return sum(ring[i][0] * ring[(i + 1) % len(ring)][1] - ring[(i + 1) % len(ring)][0] * ring[i][1] for i in range(len(ring)))


def earclip(ring):
    """Triangles of a simple polygon (indices into ring); [] when it is not simple enough."""
    n = len(ring)
    if n < 3:
        return []
    idx = list(range(n))
    if area2(ring) < 0:
        idx.reverse()
    tris = []

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    guard = 0
    i = 0
    while len(idx) > 3 and guard < 4 * n * n:
        guard += 1
        m = len(idx)
        a, b, c = idx[(i - 1) % m], idx[i % m], idx[(i + 1) % m]
        A, B, C = ring[a], ring[b], ring[c]
        ear = cross(A, B, C) > 0
        if ear:
            for k in idx:
                if k in (a, b, c):
                    continue
                P = ring[k]
                if cross(A, B, P) >= 0 and cross(B, C, P) >= 0 and cross(C, A, P) >= 0:
                    ear = False
                    break
        if ear:
            tris.append((a, b, c))
            idx.pop(i % m)
            i = max(0, i - 1)
        else:
            i += 1
    if len(idx) == 3:
        tris.append(tuple(idx))
        return tris
    return []


def varint(v, out):
    uvarint((v << 1) ^ (v >> 63), out)  # zigzag


def uvarint(v, out):
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def median_gap(a_rings, b_rings):
    b = [p for r in b_rings for p in r]
    return statistics.median(min(math.hypot(p[0] - q[0], p[1] - q[1]) for q in b) for r in a_rings for p in r)


def main():
    features = []  # (level, name, English name, label, rings)
    for f in load('china'):
        name = f['properties']['name']
        features.append((0, short_province(name), EN[name], f['properties'].get('cp'), rings_of(f['geometry'])))
    prefectures = load('province-35')
    for f in prefectures:
        name = f['properties']['name']
        features.append((1, name, EN[name], f['properties'].get('cp'), rings_of(f['geometry'])))
    for code, city in (('350100', '福州市'), ('350200', '厦门市'), ('350500', '泉州市'), ('350600', '漳州市')):
        districts = load('city-' + code)
        raw = [r for f in districts for r in rings_of(f['geometry'])]
        moved = [[gcj02(lon, lat) for lon, lat in r] for r in raw]
        ref = [r for f in prefectures if f['properties']['name'] == city for r in rings_of(f['geometry'])]
        print(f'{city}: median gap to the prefecture outline {median_gap(ref, raw) * 1e5:.0f} -> '
              f'{median_gap(ref, moved) * 1e5:.0f} (1e-5 deg) after WGS-84 -> GCJ-02')
        for f in districts:
            rings = [[gcj02(lon, lat) for lon, lat in r] for r in rings_of(f['geometry'])]
            cp = f['properties'].get('cp')
            name = f['properties']['name']
            features.append((2, name, EN[name], list(gcj02(*cp)) if cp else None, rings))

    blob = bytearray(b'HGBM')
    blob += struct.pack('<BH', 2, len(features))
    points_total = tris_total = 0
    for level, name, name_en, cp, rings in features:
        if not cp:  # no label point given: the centre of the biggest ring's box
            big = max(rings, key=len)
            cp = [(min(p[0] for p in big) + max(p[0] for p in big)) / 2, (min(p[1] for p in big) + max(p[1] for p in big)) / 2]
        nb = name.encode('utf-8')
        eb = name_en.encode('utf-8')
        blob += struct.pack('<BB', level, len(nb)) + nb + struct.pack('<B', len(eb)) + eb
        blob += struct.pack('<ii', round(cp[0] * Q), round(cp[1] * Q))
        fine_rings = None
        for lod, tol in enumerate(TOL[level]):
            qr = [quantise(dp(r, tol)) for r in rings]
            qr = [r for r in qr if len(r) >= 3]
            if lod == 1:
                fine_rings = qr
            blob += struct.pack('<H', len(qr))
            for r in qr:
                blob += struct.pack('<H', len(r))
                x = y = 0
                for px, py in r:
                    varint(px - x, blob)
                    varint(py - y, blob)
                    x, y = px, py
                points_total += len(r)
        tris = []
        if level == 0:
            base = 0
            for r in fine_rings:
                tris += [(a + base, b + base, c + base) for a, b, c in earclip(r)]
                base += len(r)
        blob += struct.pack('<I', len(tris))
        for t in tris:
            for v in t:
                uvarint(v, blob)
        tris_total += len(tris)

    lines = ['// Generated by data/basemap/build_basemap.py from ../shared/geo: do not edit.',
             '// The offline base map (provinces, Fujian prefectures, four cities\' districts), GCJ-02.',
             '#include <cstddef>', '', 'namespace hg::basemap {', '',
             f'extern const unsigned char kBlob[{len(blob)}];',
             f'const unsigned char kBlob[{len(blob)}] = {{']
    for i in range(0, len(blob), 24):
        lines.append('  ' + ','.join(str(b) for b in blob[i:i + 24]) + ',')
    lines += ['};', f'extern const std::size_t kBlobSize;', f'const std::size_t kBlobSize = {len(blob)};', '',
              '}  // namespace hg::basemap', '']
    with open(os.path.join(HERE, 'basemap_data.cpp'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    print(f'{len(features)} features, {points_total} points, {tris_total} fill triangles, blob {len(blob)} bytes')


if __name__ == '__main__':
    main()
