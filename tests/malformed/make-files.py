#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the malformed-input corpus into files/ (run from tests/malformed/).
# The big cases (a 1 MB field, 100,000 columns, a directory, a FIFO) are made
# by test-malformed.c itself; every file here is listed in its table.
import os

WBPRE = '\ufeff"Data Source","World Development Indicators",\r\n\r\n"Last Updated Date","2024-06-28",\r\n\r\n'
WBH = '"Country Name","Country Code","Indicator Name","Indicator Code","2019","2020","2021",\r\n'
def wbrow(name, code, vals):
    return ('"' + name + '","' + code + '","Individuals using the Internet (% of population)","IT.NET.USER.ZS",'
            + ",".join('"' + v + '"' for v in vals) + ',\r\n')
WBROWS = wbrow("China", "CHN", ["10.5", "20", "30"]) + wbrow("Kazakhstan", "KAZ", ["40", "", "50.5"]) + wbrow("Côte d'Ivoire", "CIV", ["1", "2", "3"])
wb = WBPRE + WBH + WBROWS
WDIH = '"Country Name","Country Code","Indicator Name","Indicator Code","2019","2020","2021"\n'
WDIROWS = '"China","CHN","Population, total","SP.POP.TOTL",100,100,100\n"Kazakhstan","KAZ","Individuals using the Internet (% of population)","IT.NET.USER.ZS",10,20,30\n'
OWH = 'Entity,Code,Year,Individuals using the Internet (% of population)\n'
OWROWS = 'China,CHN,2020,70.5\nChina,CHN,2021,73.5\nCôte d\'Ivoire,CIV,2021,40\nKazakhstan,KAZ,2021,"88.2"\n'
TH = 'iso3c,Series,ref_year,OBS_VALUE,unit,source\n'
TROWS = 'CHN,DSR.TEST.M,2020,1.5,% of GDP,Test\nKAZ,DSR.TEST.M,2020,"2.5",% of GDP,Test\nCIV,DSR.TEST.M,2021,3,% of GDP,Test\n'
PH = 'indicator,entity,year,value,qualifier,source,note\n'
PROWS = 'DSR.DDS.EXP,WLD,2012,22.2,,"Seed paper, Table 1, column 1",\nDSR.DDS.EXP,WLD,2013,23.9,,"Seed paper, Table 1, column 1",\n'

files = {}
def put(name, data):
    files[name] = data.encode('utf-8') if isinstance(data, str) else data

def cut_mid_utf8(text):
    b = text.encode('utf-8')
    return b[:b.index('ô'.encode()) + 1]

# World Bank per-indicator download
put('wb-valid.csv', wb)
put('wb-truncated-mid-row.csv', (WBPRE + WBH + wbrow("China", "CHN", ["10.5", "20", "30"])).encode() + b'"Kazakhstan","KAZ","Individuals')
put('wb-truncated-mid-quote.csv', WBPRE + WBH + wbrow("China", "CHN", ["10.5", "20", "30"]) + '"Kazakhstan","KAZ","Individuals using the Int')
put('wb-truncated-mid-utf8.csv', cut_mid_utf8(wb))
put('wb-utf16le-bom.csv', b'\xff\xfe' + wb.lstrip('\ufeff').encode('utf-16-le'))
put('wb-utf16be-bom.csv', b'\xfe\xff' + wb.lstrip('\ufeff').encode('utf-16-be'))
put('wb-utf16le.csv', wb.lstrip('\ufeff').encode('utf-16-le'))
put('wb-utf16be.csv', wb.lstrip('\ufeff').encode('utf-16-be'))
put('wb-latin1.csv', wb.lstrip('\ufeff').encode('latin-1'))
put('wb-nul-bytes.csv', (WBPRE + WBH + wbrow("China", "CHN", ["10.5", "20", "30"])).encode()
    + b'"Kaz\x00akhstan","KAZ","x\x00","IT.NET.USER.ZS","1","2","3",\r\n')
put('wb-duplicate-rows.csv', WBPRE + WBH + WBROWS + wbrow("China", "CHN", ["11", "21", "31"]))
put('wb-duplicate-year-columns.csv', WBPRE + WBH.replace('"2021"', '"2019"') + WBROWS)
put('wb-year-99999.csv', WBPRE + WBH.replace('"2021"', '"99999"') + WBROWS)
put('wb-year-negative.csv', WBPRE + WBH.replace('"2021"', '"-1"') + WBROWS)
put('wb-year-1e3.csv', WBPRE + WBH.replace('"2021"', '"1e3"') + WBROWS)
put('wb-nan-inf.csv', WBPRE + WBH + wbrow("China", "CHN", ["NaN", "Inf", "-Infinity"]) + wbrow("Kazakhstan", "KAZ", ["nan", "inf", "1e999"]))
put('wb-header-only.csv', WBPRE + WBH)
put('wb-preamble-only.csv', WBPRE)
put('wb-cr-only.csv', wb.replace('\r\n', '\r'))
put('wb-lf-only.csv', wb.replace('\r\n', '\n'))
put('wb-no-year-columns.csv', WBPRE + '"Country Name","Country Code","Indicator Name","Indicator Code",\r\n'
    + '"China","CHN","x","IT.NET.USER.ZS",\r\n')
put('wb-ragged.csv', WBPRE + WBH + wbrow("China", "CHN", ["10.5", "20", "30"]) + '"Kazakhstan","KAZ"\r\n')
# World Bank bulk download (WDICSV.csv)
put('wdi-valid.csv', WDIH + WDIROWS)
put('wdi-truncated-mid-row.csv', (WDIH + WDIROWS)[:len(WDIH) + 40])
put('wdi-header-only.csv', WDIH)
put('wdi-nul-bytes.csv', (WDIH + WDIROWS).encode().replace(b'Kazakhstan', b'Kaz\x00\x00stan'))
put('wdi-duplicate-rows.csv', WDIH + WDIROWS + WDIROWS)
put('wdi-nan-inf.csv', WDIH + '"China","CHN","Population, total","SP.POP.TOTL",NaN,Inf,-Inf\n')
put('wdi-latin1.csv', (WDIH + WDIROWS.replace('Kazakhstan', 'Kazakhstán')).encode('latin-1'))
put('wdi-crlf.csv', (WDIH + WDIROWS).replace('\n', '\r\n'))
# Our World in Data
owid = OWH + OWROWS
put('owid-valid.csv', owid)
put('owid-truncated-mid-row.csv', owid[:len(OWH) + 25])
put('owid-truncated-mid-quote.csv', OWH + 'China,CHN,2020,70.5\nKazakhstan,KAZ,2021,"88.')
put('owid-truncated-mid-utf8.csv', cut_mid_utf8(owid))
put('owid-year-99999.csv', OWH + 'China,CHN,99999,70.5\n')
put('owid-year-negative.csv', OWH + 'China,CHN,-1,70.5\n')
put('owid-year-1e3.csv', OWH + 'China,CHN,1e3,70.5\n')
put('owid-nan-inf.csv', OWH + 'China,CHN,2020,NaN\nChina,CHN,2021,Inf\nKazakhstan,KAZ,2021,-inf\n')
put('owid-duplicate-keys.csv', OWH + 'China,CHN,2020,70.5\nChina,CHN,2020,71.5\n')
put('owid-duplicate-columns.csv', 'Entity,Code,Year,Year,Individuals using the Internet (% of population)\nChina,CHN,2020,2021,70.5\n')
put('owid-header-only.csv', OWH)
put('owid-utf16le-bom.csv', b'\xff\xfe' + owid.encode('utf-16-le'))
put('owid-cr-only.csv', owid.replace('\n', '\r'))
put('owid-crlf.csv', owid.replace('\n', '\r\n'))
put('owid-cr-only-bad-year.csv', (OWH + 'China,CHN,2020,70.5\nChina,CHN,20x1,73.5\n').replace('\n', '\r'))
# tidy
tidy = TH + TROWS
put('tidy-valid.csv', tidy)
put('tidy-truncated-mid-quote.csv', TH + 'CHN,DSR.TEST.M,2020,1.5,% of GDP,Test\nKAZ,DSR.TEST.M,2020,"2.')
put('tidy-nul-bytes.csv', tidy.encode().replace(b'KAZ,', b'KAZ\x00,'))
put('tidy-year-99999.csv', TH + 'CHN,DSR.TEST.M,99999,1.5,% of GDP,Test\n')
put('tidy-year-1e3.csv', TH + 'CHN,DSR.TEST.M,1e3,1.5,% of GDP,Test\n')
put('tidy-nan-inf.csv', TH + 'CHN,DSR.TEST.M,2020,NaN,% of GDP,Test\nKAZ,DSR.TEST.M,2020,-Infinity,% of GDP,Test\n')
put('tidy-duplicate-keys.csv', TH + 'CHN,DSR.TEST.M,2020,1.5,% of GDP,Test\nCHN,DSR.TEST.M,2020,2.5,% of GDP,Test\n')
put('tidy-header-only.csv', TH)
put('tidy-latin1.csv', (TH + 'CIV,DSR.TEST.M,2020,1.5,% du PIB,Données\n').encode('latin-1'))
put('tidy-utf16be.csv', tidy.encode('utf-16-be'))
# the data pack's own CSV files (imported, and loaded as a pack)
put('pack-observations-valid.csv', PH + PROWS)
put('pack-observations-truncated.csv', PH + 'DSR.DDS.EXP,WLD,2012,22.2,,"Seed paper, Tab')
put('pack-observations-duplicate-keys.csv', PH + PROWS + 'DSR.DDS.EXP,WLD,2012,25.0,,"x",\n')
put('pack-observations-year-negative.csv', PH + 'DSR.DDS.EXP,WLD,-1,22.2,,"x",\n')
put('pack-indicators-header-only.csv', 'id,name,unit,theme,decimals,higher_is_better,source,description\n')
# any format
put('empty.csv', b'')
put('only-bom.csv', b'\xef\xbb\xbf')
put('blank-lines.csv', '\n\n\r\n\n')
put('garbage.bin', bytes((i * 73 + 41) % 256 for i in range(2048)))
put('garbage.csv', bytes((i * 151 + 7) % 256 for i in range(1024)))
# given as data by mistake, and other encodings
put('json-object.csv', '{"data": [{"country": "CHN", "year": 2020, "value": 1}]}\n')
put('json-array.json', '[{"country": "CHN", "year": 2020, "value": 1}]\n')
put('wb-utf32le-bom.csv', b'\xff\xfe\x00\x00' + wb.lstrip('\ufeff').encode('utf-32-le'))
put('wb-utf32be-bom.csv', b'\x00\x00\xfe\xff' + wb.lstrip('\ufeff').encode('utf-32-be'))
# ids that are not ids, and control characters in the text
put('tidy-bad-id-dotdot.csv', TH + 'CHN,../../x,2020,1.5,% of GDP,Test\n')
put('tidy-bad-id-path.csv', TH + 'CHN,/etc/passwd,2020,1.5,% of GDP,Test\n')
put('tidy-bad-id-dots.csv', TH + 'CHN,..,2020,1.5,% of GDP,Test\n')
put('tidy-bad-id-tab.csv', TH + 'CHN,"A\tB",2020,1.5,% of GDP,Test\n')
put('wb-bad-indicator-code.csv', WBPRE + WBH + wbrow("China", "CHN", ["10.5", "20", "30"]).replace('IT.NET.USER.ZS', '../../x'))
put('tidy-control-chars.csv', TH + '"\x1b[31mRED\tX",DSR.TEST.M,2020,1.5,% of GDP,Test\n' + TROWS)
# TopoJSON
topo = '{"type":"Topology","arcs":[[[0,0],[10,0],[10,10],[0,10],[0,0]]],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"id":"156","properties":{"name":"A"}}]}}}'
put('topo-valid.json', topo)
put('topo-truncated.json', topo[:80])
put('topo-empty.json', b'')
put('topo-not-topology.json', '{"type":"FeatureCollection","features":[]}')
put('topo-utf16le-bom.json', b'\xff\xfe' + topo.encode('utf-16-le'))
put('topo-nul-bytes.json', topo.encode().replace(b'"156"', b'"1\x0056"'))
put('topo-arc-out-of-range.json', '{"type":"Topology","arcs":[[[0,0],[1,0],[1,1]]],"objects":{"c":{"type":"Polygon","arcs":[[7]]}}}')
put('topo-position-out-of-range.json', '{"type":"Topology","arcs":[[[0,0],[1e300,0],[1,1e300],[0,0]]],"objects":{"c":{"type":"Polygon","arcs":[[0]]}}}')
put('topo-nan-text.json', '{"type":"Topology","arcs":[[[0,0],[NaN,0],[1,Infinity],[0,0]]],"objects":{"c":{"type":"Polygon","arcs":[[0]]}}}')
put('topo-garbage.json', bytes((i * 151 + 7) % 256 for i in range(512)))
put('topo-no-countries.json', '{"type":"Topology","arcs":[],"objects":{"c":{"type":"GeometryCollection","geometries":[]}}}')
# Saved views (.dsrview)
VH = '{"format": "dsr-atlas-view", "version": "1.0"'
put('view-valid.dsrview', VH + ', "view": "bars", "indicator": "DSR.GCI.SCORE", "grouping": "bri-continent"}\n')
put('view-empty.dsrview', b'')
put('view-truncated.dsrview', VH + ', "view": "ba')
put('view-not-json.dsrview', 'view = bars\nindicator = DSR.GCI.SCORE\n')
put('view-array.dsrview', '[' + VH + '}]')
put('view-csv.dsrview', WBPRE + WBH + WBROWS)
put('view-utf16le-bom.dsrview', b'\xff\xfe' + (VH + '}').encode('utf-16-le'))
put('view-latin1.dsrview', (VH + ', "indicator": "Côte"}').encode('latin-1'))
put('view-nul-bytes.dsrview', (VH + ', "indicator": "A\x00B"}').encode())
put('view-no-format.dsrview', '{"version": "1.0", "view": "bars"}')
put('view-other-format.dsrview', '{"format": "vega-lite", "version": "1.0"}')
put('view-version-2.dsrview', '{"format": "dsr-atlas-view", "version": "2.0", "view": "bars"}')
put('view-version-number.dsrview', '{"format": "dsr-atlas-view", "version": 1.0}')
put('view-year-string.dsrview', VH + ', "year": "2020"}')
put('view-year-huge.dsrview', VH + ', "year": 99999999999999999999}')
put('view-kind-unknown.dsrview', VH + ', "view": "pie"}')
put('view-regions-object.dsrview', VH + ', "regions": {"europe": true}}')
put('view-size-negative.dsrview', VH + ', "size": {"width": -1600}}')
put('view-coverage-nan.dsrview', VH + ', "min_coverage": NaN}')
put('view-unknown-indicator.dsrview', VH + ', "indicator": "NO.SUCH.INDICATOR"}')
put('view-unknown-grouping.dsrview', VH + ', "grouping": "planets"}')
put('view-control-chars.dsrview', VH + ', "indicator": "\\u001b[31mRED\\tX"}')
put('view-import-path.dsrview', VH + ', "data": {"imports": [{"name": "../../etc/passwd", "sha256": "' + '0' * 64 + '"}]}}')
put('view-import-missing.dsrview', VH + ', "data": {"imports": [{"name": "API_FX.OWN.TOTL.ZS_DS2_en_csv_v2_1.csv", "sha256": "' + '0' * 64 + '"}]}}')
put('view-deep-nesting.dsrview', VH + ', "future": ' + '[' * 5000 + ']' * 5000 + '}')

os.makedirs('files', exist_ok=True)
for name, data in files.items():
    with open(os.path.join('files', name), 'wb') as f:
        f.write(data)
print(len(files), 'files')
