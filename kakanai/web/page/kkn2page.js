/* The resident page's checks and the KKN2 encoder (docs/kkn2.md), without any drawing.
 * Every check here mirrors a validator of kakanai/domain/household_schema.py, named in the JSON
 * Schema the build generates from the model (x-checks, enum, const); the character classes and
 * conversions of those checks, and the cross checks' rules per event, are tables the build asks of
 * the counter (kakanai/web/checks.py: spec.characters, spec.events[].needs …); what stays code here
 * is held to the counter by tests/web/test_page_checks.py. kakanai web build fails when the model
 * has a check this file lacks. Call KKN2.use(spec) once before anything else. */
"use strict";
var KKN2 = (function () {
  var T = null;  // the counter's character tables as regular expressions (use)
  // a UTF-16 half without its other half: the counter refuses it in every string (qr/payload.py)
  var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  function keysClass(map) {
    return new RegExp("[" + Object.keys(map).map(function (c) { return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"); }).join("") + "]", "g");
  }

  /* Take the counter's character classes and conversions from the page's spec. */
  function use(spec) {
    var c = spec.characters;
    T = { forbidden: new RegExp(c.forbidden), invisible: new RegExp(c.invisible + "+", "g"),
          edge: new RegExp("^" + c.strip + "+|" + c.strip + "+$", "g"), space: new RegExp(c.space + "+", "g"),
          dropped: new RegExp(c.dropped + "+", "g"), katakana: new RegExp("^" + c.katakana + "*$"),
          toAscii: c.toAscii, ascii: keysClass(c.toAscii), hiragana: c.hiragana, hira: keysClass(c.hiragana),
          lone: c.lone, marks: keysClass(c.lone) };
  }

  function strip(text) { return text.replace(T.edge, ""); }
  function chars(text) { return Array.from(text).length; }

  /* Full-width digits and dashes in ASCII, spaces removed (kana.normalize_digits; ー between digits
   * is a dash, the one rule kept as code). */
  function digits(text) {
    var out = text.replace(/(?<=[0-9\uff10-\uff19])[\u30fc\uff70](?=[0-9\uff10-\uff19])/g, "-");
    out = out.replace(T.ascii, function (c) { return T.toAscii[c]; });
    return out.replace(T.dropped, "");
  }

  /* Hiragana and half-width katakana as full-width katakana, spaces as one 　 (kana.to_katakana). */
  function toKatakana(text) {
    var kata = text.replace(/[\uff61-\uff9f]+/g, function (s) { return s.normalize("NFKC"); });
    kata = kata.replace(T.hira, function (c) { return T.hiragana[c]; });
    kata = kata.normalize("NFC").replace(T.marks, function (c) { return T.lone[c]; });
    return strip(kata).replace(T.space, "\u3000");
  }

  function postal(text) {
    var d = digits(text).replace(/^〒/, "");
    if (!/^[0-9]{3}-?[0-9]{4}$/.test(d)) { throw "err.postal"; }
    d = d.replace("-", "");
    return d.slice(0, 3) + "-" + d.slice(3);
  }

  function phone(text) {
    var p = digits(text);
    if (!/^\+?[0-9]+(-[0-9]+)*$/.test(p) || (p.match(/[0-9]/g) || []).length < 10) { throw "err.phone"; }
    return p;
  }

  function isoDate(value, limits) {
    if (typeof value !== "string" || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) { throw "err.date"; }
    var parts = value.split("-").map(Number);
    var d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    if (d.getUTCFullYear() !== parts[0] || d.getUTCMonth() !== parts[1] - 1 || d.getUTCDate() !== parts[2]) {
      throw "err.date";
    }
    if (value < limits.earliest || value > limits.latest) { throw "err.year"; }
    return value;
  }

  /* Run one named check; returns the (normalised) value or throws a message key. */
  function runCheck(name, value, limits) {
    switch (name) {
      case "characters":
        if (T.forbidden.test(value) || LONE_SURROGATE.test(value)) { throw "err.characters"; }
        return strip(value);
      case "not_blank": if (!value.replace(T.invisible, "")) { throw "err.required"; } return value;
      case "kana": var k = toKatakana(value); if (k && !T.katakana.test(k)) { throw "err.kana"; } return k;
      case "postal": return value ? postal(value) : value;
      case "phone": return value ? phone(value) : value;
      case "date": return isoDate(value, limits);
      default: throw "err.unknown_check";
    }
  }

  function resolve(schema, node) {
    return node && node.$ref ? schema.$defs[node.$ref.split("/").pop()] : node;
  }

  function typeOk(node, value) {
    switch (node.type) {
      case "string": return typeof value === "string";
      case "integer": return typeof value === "number" && Number.isInteger(value);
      case "boolean": return typeof value === "boolean";
      case "null": return value === null;
      case "array": return Array.isArray(value);
      case "object": return value !== null && typeof value === "object" && !Array.isArray(value);
      default: return true;
    }
  }

  /* Validate `value` against the schema node; errors are {path, key}; returns the normalised value. */
  function check(schema, node, value, path, errors) {
    node = resolve(schema, node);
    if (node.anyOf) {
      if (value === null && node.anyOf.some(function (n) { return n.type === "null"; })) { return null; }
      var branches = node.anyOf.map(function (n) { return resolve(schema, n); });
      var fits = branches.filter(function (n) { return n.type !== "null" && typeOk(n, value); });
      return check(schema, fits[0] || branches[0], value, path, errors);
    }
    if (!typeOk(node, value)) { errors.push({ path: path, key: "err.type" }); return value; }
    if (node.const !== undefined && value !== node.const) { errors.push({ path: path, key: "err.choice" }); }
    if (typeof value === "string") { return checkString(schema, node, value, path, errors); }
    if (node.type === "integer") {
      if ((node.minimum !== undefined && value < node.minimum) || (node.maximum !== undefined && value > node.maximum)) {
        errors.push({ path: path, key: "err.range", min: node.minimum, max: node.maximum });
      }
    }
    if (node.type === "array") { return checkArray(schema, node, value, path, errors); }
    if (node.type === "object") { return checkObject(schema, node, value, path, errors); }
    return value;
  }

  function checkString(schema, node, value, path, errors) {
    if (node.maxLength !== undefined && chars(value) > node.maxLength) {
      errors.push({ path: path, key: "err.too_long" }); return value;
    }
    if (node.pattern && !new RegExp(node.pattern).test(value)) { errors.push({ path: path, key: "err.format" }); return value; }
    try {
      (node["x-checks"] || []).forEach(function (name) { value = runCheck(name, value, schema["x-limits"]); });
    } catch (key) { errors.push({ path: path, key: key }); return value; }
    if (node.enum && node.enum.indexOf(value) < 0) { errors.push({ path: path, key: "err.choice" }); }
    return value;
  }

  function checkArray(schema, node, value, path, errors) {
    if ((node.maxItems !== undefined && value.length > node.maxItems) ||
        (node.minItems !== undefined && value.length < node.minItems)) {
      errors.push({ path: path, key: "err.count" });
    }
    return value.map(function (item, i) { return check(schema, node.items, item, path + "[" + i + "]", errors); });
  }

  function checkObject(schema, node, value, path, errors) {
    var out = {};
    (node.required || []).forEach(function (key) {
      if (value[key] === undefined) { errors.push({ path: join(path, key), key: "err.required" }); }
    });
    Object.keys(value).forEach(function (key) {
      var sub = node.properties && node.properties[key];
      out[key] = sub ? check(schema, sub, value[key], join(path, key), errors) : value[key];
      var unknown = sub ? null : unknownProblem(key, value[key], depth(path) + nesting(value[key]), schema["x-limits"]);
      if (unknown) { errors.push({ path: join(path, key), key: unknown }); }
    });
    return out;
  }

  /* A key the model does not know is kept (the counter warns and reads on), but the counter still
   * refuses a control, bidi or lone-surrogate character anywhere in the document (payload.py), and
   * nesting deeper than it reads. */
  function unknownProblem(key, value, deepest, limits) {
    if (deepest > limits.maxDepth) { return "err.format"; }
    var texts = [key];
    (function collect(v) {
      if (typeof v === "string") { texts.push(v); }
      else if (v && typeof v === "object") {
        Object.keys(v).forEach(function (k) { if (!Array.isArray(v)) { texts.push(k); } collect(v[k]); });
      }
    })(value);
    return texts.some(function (text) { return T.forbidden.test(text) || LONE_SURROGATE.test(text); }) ? "err.characters" : null;
  }

  /* How many brackets enclose the object at ``path`` (the document itself: 1). */
  function depth(path) { return 1 + (path ? 1 : 0) + (path.match(/[.[]/g) || []).length; }

  function nesting(v) {
    if (!v || typeof v !== "object") { return 0; }
    return 1 + Object.keys(v).reduce(function (most, k) { return Math.max(most, nesting(v[k])); }, 0);
  }

  function join(path, key) { return path ? path + "." + key : key; }

  /* [path, value] of every member index in the document: a schema integer from 0 with no upper
   * bound (新しい世帯主, 請求者, 婚姻後の氏, subjects, 印鑑登録 …), wherever the model has one. */
  function memberIndexes(schema, node, value, path) {
    node = resolve(schema, node);
    if (node && node.anyOf) {
      var branch = node.anyOf.map(function (n) { return resolve(schema, n); }).filter(function (n) { return typeOk(n, value) && n.type !== "null"; })[0];
      return branch ? memberIndexes(schema, branch, value, path) : [];
    }
    if (!node || value === null || value === undefined) { return []; }
    if (node.type === "integer" && node.minimum === 0 && node.maximum === undefined) { return typeof value === "number" ? [[path, value]] : []; }
    if (node.type === "array" && Array.isArray(value)) {
      return [].concat.apply([], value.map(function (v, i) { return memberIndexes(schema, node.items, v, path + "[" + i + "]"); }));
    }
    if (node.type === "object" && typeof value === "object" && path !== "members" && !/^members\[/.test(path)) {
      return [].concat.apply([], Object.keys(value).map(function (k) {
        return node.properties && node.properties[k] ? memberIndexes(schema, node.properties[k], value[k], join(path, k)) : [];
      }));
    }
    return [];
  }

  /* The checks pydantic cannot express (household_doc._cross_checks and _v2_checks). */
  function crossChecks(doc, spec) {
    var errors = [];
    var event = spec.events.filter(function (e) { return e.code === doc.event; })[0];
    (event ? event.needs : []).forEach(function (side) {  // the addresses the counter cannot do without
      if (!doc[side]) { errors.push({ path: side, key: "err.required" }); }
    });
    (doc.members || []).forEach(function (m, i) {
      if (m.birth && doc.date && m.birth > doc.date) { errors.push({ path: "members[" + i + "].birth", key: "err.birth_after" }); }
    });
    var count = (doc.members || []).length;
    if (typeof doc.notifier === "number" && !(doc.notifier >= 0 && doc.notifier < count)) { errors.push({ path: "notifier", key: "err.required" }); }
    var range = event && event.subjects;
    var s = doc.subjects || [];
    if ((range && (s.length < range[0] || s.length > range[1])) || new Set(s).size !== s.length) {
      errors.push({ path: "subjects", key: range ? "err.subjects." + doc.event : "err.member" });  // no one twice
    }
    memberIndexes(spec.schema, spec.schema, doc, "").forEach(function (found) {  // every index names a member
      if (found[1] >= count) { errors.push({ path: found[0], key: "err.member" }); }
    });
    var marriage = doc.marriage || {};
    var couple = doc.subjects || [0, 1].filter(function (i) { return i < count; });
    if (typeof marriage.surname_of === "number" && couple.indexOf(marriage.surname_of) < 0) {
      errors.push({ path: "marriage.surname_of", key: "err.member" });  // the surname of one of the couple
    }
    if (typeof doc.new_head === "number" && event) {  // the new head stays: not the deceased, not one who moves away
      var named = doc.subjects !== undefined && doc.subjects !== null;
      if ((event.headNotSubject && s.indexOf(doc.new_head) >= 0) || (event.headNotEveryone && !named)) {
        errors.push({ path: "new_head", key: "err.member" });
      }
    }
    ["new", "old"].forEach(function (side) {  // abroad (a country, no postal code) only where the counter accepts it
      var a = doc[side];
      if (!a) { return; }
      var abroad = event && event.abroad.indexOf(side) >= 0;
      if (abroad ? Boolean(a.postal) === Boolean(a.country) : !a.postal || a.country !== undefined) {
        errors.push({ path: side + (a.country !== undefined && !abroad ? ".country" : ".postal"), key: "err.required" });
      }
    });
    if (doc.bank) {  // household_doc._bank_checks: codes the 全銀 list (zengin-code) has
      var bank = spec.banks[doc.bank.bank];
      if (!bank) { errors.push({ path: "bank.bank", key: "err.bank" }); }
      else if (!bank[1][doc.bank.branch]) { errors.push({ path: "bank.branch", key: "err.branch" }); }
    }
    return errors;
  }

  /* The document normalised as the counter reads it, and every error found (empty when valid). */
  function validate(doc, spec) {
    var errors = [];
    var clean = check(spec.schema, spec.schema, doc, "", errors);
    if (!errors.length) { errors = crossChecks(clean, spec); }
    if (!errors.length) {  // a code the counter reads: within its length and its document size
      try { encode(clean, spec); } catch (key) { errors.push({ path: "members", key: String(key) }); }
    }
    return { doc: clean, errors: errors };
  }

  /* Bytes as decimal digits: 7 bytes → 17 digits, a last n bytes in 3, 5, 8, 10, 13 or 15 digits. */
  var TAIL = [0, 3, 5, 8, 10, 13, 15];
  function toDigits(bytes) {
    var out = "";
    for (var start = 0; start < bytes.length; start += 7) {
      var chunk = bytes.subarray(start, start + 7);
      var value = 0n;
      for (var i = 0; i < chunk.length; i++) { value = (value << 8n) | BigInt(chunk[i]); }
      out += value.toString().padStart(chunk.length === 7 ? 17 : TAIL[chunk.length], "0");
    }
    return out;
  }

  /* The KKN2 text of a (valid, normalised) document: "KKN2" + digits(zlib(utf8(json), dictionary)). */
  function encode(doc, spec) {
    var raw = new TextEncoder().encode(JSON.stringify(doc));
    if (raw.length > spec.kkn2.maxDocument) { throw "err.too_big"; }
    var dictionary = new TextEncoder().encode(spec.kkn2.dictionary);
    var text = spec.kkn2.prefix + toDigits(fflate.zlibSync(raw, { level: 9, mem: 9, dictionary: dictionary }));
    if (text.length > spec.kkn2.maxText) { throw "err.too_big"; }
    return text;
  }

  return { use: use, validate: validate, encode: encode, runCheck: runCheck, toKatakana: toKatakana, postal: postal, phone: phone,
           toDigits: toDigits, digits: digits };
})();
