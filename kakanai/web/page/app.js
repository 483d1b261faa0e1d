/* The resident page: the form, its languages, the summary and the code. Nothing leaves the page:
 * no request, no storage unless the resident ticks "keep a draft on this device". */
"use strict";
(function () {
  var SPEC = JSON.parse(document.getElementById("kakanai-spec").textContent);
  var TEXTS = JSON.parse(document.getElementById("kakanai-texts").textContent);
  var DEMO = JSON.parse(document.getElementById("kakanai-demo").textContent);
  var DRAFT_KEY = "kakanai-draft";
  var $ = function (id) { return document.getElementById(id); };
  var lang = "ja";
  var memberSeq = 0;

  /* ---- languages ---------------------------------------------------------------------------- */
  function t(key, n) {
    var table = TEXTS.strings[lang] || {};
    var text = table[key] !== undefined ? table[key] : (TEXTS.strings.ja[key] !== undefined ? TEXTS.strings.ja[key] : key);
    return n === undefined ? text : text.replace("{n}", String(n));
  }

  function translate(root) {
    root.querySelectorAll("[data-t]").forEach(function (el) { el.textContent = t(el.dataset.t, el.dataset.n); });
    root.querySelectorAll("[data-t-label]").forEach(function (el) { el.setAttribute("aria-label", t(el.dataset.tLabel, el.dataset.n)); });
    root.querySelectorAll("select[data-countries]").forEach(fillCountries);
  }

  function setLanguage(code) {
    lang = TEXTS.strings[code] ? code : "ja";
    document.documentElement.lang = TEXTS.languages[lang].html;
    $("lang").value = lang;
    translate(document);
    document.title = t("title") + " — " + SPEC.city.name;
  }

  function countryName(code) {
    if (lang === "ja" || lang === "ja-easy" || typeof Intl.DisplayNames !== "function") { return SPEC.countries[code]; }
    try { return new Intl.DisplayNames([TEXTS.languages[lang].html], { type: "region" }).of(code) || SPEC.countries[code]; }
    catch (e) { return SPEC.countries[code]; }
  }

  function fillCountries(select) {
    var keep = select.value;
    select.textContent = "";
    if (select.dataset.countries === "nationality") { select.append(new Option(t("nationality.jp"), "")); }
    else { select.append(new Option(t("choose"), "")); }
    Object.keys(SPEC.countries).filter(function (c) { return c !== "JP"; })
      .map(function (c) { return [countryName(c), c]; })
      .sort(function (a, b) { return a[0].localeCompare(b[0]); })
      .forEach(function (pair) { select.append(new Option(pair[0] + " (" + pair[1] + ")", pair[1])); });
    select.value = keep;
  }

  /* ---- building blocks ---------------------------------------------------------------------- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (attrs[k] !== null) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  function field(id, key, input) {
    input.id = id;
    return el("div", { "class": "field" }, [el("label", { "for": id, "data-t": key }), input,
      el("p", { "class": "error", id: id + "-error", hidden: "" })]);
  }

  function textInput(extra) { return el("input", Object.assign({ type: "text", autocomplete: "off", maxlength: "200" }, extra || {})); }

  function select(options) {
    var s = el("select");
    options.forEach(function (o) { s.append(el("option", { value: o[0], "data-t": o[1] })); });
    return s;
  }

  function dateInput(id, key) {
    var era = el("select", { id: id + "-era", "data-t-label": "date.era" }, [el("option", { value: "", "data-t": "date.western" })]);
    SPEC.eras.slice().reverse().forEach(function (e) { era.append(el("option", { value: e.name, text: e.name })); });
    var part = function (suffix, label, size) {
      return el("input", { id: id + "-" + suffix, type: "text", inputmode: "numeric", size: size, maxlength: size,
        "data-t-label": label, "class": "date-" + suffix });
    };
    return el("fieldset", { "class": "field date", id: id }, [el("legend", { "data-t": key }),
      el("div", { "class": "row" }, [era, part("y", "date.year", "4"), el("span", { "data-t": "date.y" }),
        part("m", "date.month", "2"), el("span", { "data-t": "date.m" }),
        part("d", "date.day", "2"), el("span", { "data-t": "date.d" })]),
      el("p", { "class": "error", id: id + "-error", hidden: "" })]);
  }

  /* ---- dates: 和暦 or 西暦 ------------------------------------------------------------------- */
  function readDate(id) {
    var y = KKN2.digits($(id + "-y").value), m = KKN2.digits($(id + "-m").value), d = KKN2.digits($(id + "-d").value);
    if (!y && !m && !d) { return undefined; }
    if (!/^[0-9]{1,4}$/.test(y) || !/^[0-9]{1,2}$/.test(m) || !/^[0-9]{1,2}$/.test(d)) { return "?"; }
    var year = Number(y), eraName = $(id + "-era").value;
    if (eraName) {
      var i = SPEC.eras.findIndex(function (e) { return e.name === eraName; });
      year = Number(SPEC.eras[i].start.slice(0, 4)) + year - 1;
      var iso = pad(year, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
      var first = i === 0 ? SPEC.schema["x-limits"].earliest : SPEC.eras[i].start;
      var next = SPEC.eras[i + 1];
      if (Number(y) < 1 || iso < first || (next && iso >= next.start)) { return "?era"; }
      return iso;
    }
    return pad(year, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
  }

  function writeDate(id, iso) {
    var parts = (iso || "").split("-");
    $(id + "-era").value = "";
    $(id + "-y").value = parts[0] || ""; $(id + "-m").value = parts[1] ? String(Number(parts[1])) : "";
    $(id + "-d").value = parts[2] ? String(Number(parts[2])) : "";
  }

  function pad(v, n) { return String(v).padStart(n, "0"); }

  /* ---- addresses and members ------------------------------------------------------------------ */
  function addressFields(side) {
    var box = $("f-" + side);
    var postal = textInput({ inputmode: "numeric", autocomplete: side === "new" ? "postal-code" : "off", maxlength: "10" });
    var parts = [el("legend", { "data-t": side + ".legend" })];
    if (side === "old") {
      parts.push(el("div", { "class": "field check" }, [el("input", { type: "checkbox", id: "old-abroad" }),
        el("label", { "for": "old-abroad", "data-t": "old.abroad" })]));
      parts.push(field("old-country", "old.country", el("select", { "data-countries": "country" })));
    }
    parts.push(field(side + "-postal", "address.postal", postal),
      el("p", { "class": "town", id: side + "-town", "aria-live": "polite" }),
      field(side + "-address", "address.address", textInput()),
      field(side + "-building", "address.building", textInput()));
    if (side === "old") { parts.push(field("old-head", "old.head", textInput())); }
    parts.forEach(function (p) { box.append(p); });
    postal.addEventListener("input", function () { showTown(side); });
  }

  function showTown(side) {
    var code;
    try { code = KKN2.postal($(side + "-postal").value); } catch (e) { $(side + "-town").textContent = ""; return; }
    var town = SPEC.postal[code];
    $(side + "-town").textContent = town ? town : "";
    var address = $(side + "-address");
    if (town && !address.value) { address.value = town; }
  }

  function addMember(data) {
    var k = memberSeq++, id = function (key) { return "m" + k + "-" + key; };
    var box = el("fieldset", { "class": "member", "data-k": String(k) }, [el("legend", { "data-t": "member.legend" })]);
    box.append(el("div", { "class": "field check subject-row" }, [el("input", { type: "checkbox", id: id("subject") }),
      el("label", { "for": id("subject"), "data-t": "subject.birth" })]));
    [["family", "member.family"], ["given", "member.given"]].forEach(function (f) { box.append(field(id(f[0]), f[1], textInput())); });
    ["family_kana", "given_kana"].forEach(function (key) {
      var input = textInput({ lang: "ja" });
      input.addEventListener("blur", function () { input.value = KKN2.toKatakana(input.value); });
      box.append(field(id(key), "member." + key, input));
    });
    box.append(dateInput(id("birth"), "member.birth"));
    box.append(field(id("sex"), "member.sex", select([["", "choose"]].concat(SPEC.sexes.map(function (s) { return [s, "sex." + s]; })))));
    var relation = textInput({ list: "relations" });
    box.append(field(id("relation"), "member.relation", relation));
    box.append(field(id("insurance"), "member.insurance",
      select([["", "choose"]].concat(SPEC.insurances.map(function (s) { return [s, "ins." + s]; })))));
    ["card", "care_certified"].forEach(function (key) {
      box.append(field(id(key), "member." + key, select([["", "choose"], ["yes", "yes"], ["no", "no"]])));
    });
    box.append(el("div", { "class": "field check seal-row" }, [el("input", { type: "checkbox", id: id("seal") }),
      el("label", { "for": id("seal"), "data-t": "member.seal" })]));
    box.append(field(id("nationality"), "member.nationality", el("select", { "data-countries": "nationality" })));
    var remove = el("button", { type: "button", "class": "secondary", "data-t": "member.remove" });
    remove.addEventListener("click", function () { box.remove(); renumber(); });
    box.append(remove);
    $("member-list").append(box);
    translate(box);
    if (data) { fillMember(k, data); }
    renumber();
    return k;
  }

  function memberKeys() { return Array.from(document.querySelectorAll(".member")).map(function (b) { return b.dataset.k; }); }

  function renumber() {
    var keys = memberKeys();
    document.querySelectorAll(".member").forEach(function (box, i) {
      box.querySelector("legend").dataset.n = String(i + 1);
      box.querySelector("legend").textContent = t("member.legend", i + 1);
    });
    var notifier = $("notifier"), keep = notifier.value;
    notifier.textContent = "";
    keys.forEach(function (k, i) {
      var name = ($("m" + k + "-family").value + " " + $("m" + k + "-given").value).trim();
      notifier.append(new Option(t("member.legend", i + 1) + (name ? "：" + name : ""), String(i)));
    });
    notifier.value = keep && Number(keep) < keys.length ? keep : "0";
    $("add-member").disabled = keys.length >= SPEC.kkn2.maxMembers;
    applyEvent();
  }

  /* ---- what the chosen event asks ------------------------------------------------------------- */
  function currentEvent() {
    var checked = document.querySelector("input[name=event]:checked");
    return checked ? SPEC.events.filter(function (e) { return e.code === checked.value; })[0] : null;
  }

  function show(node, visible) { if (node) { node.hidden = !visible; } }

  function applyEvent() {
    var event = currentEvent();
    $("details").hidden = !event;
    if (!event) { return; }
    $("date-label").dataset.t = "date." + event.code;
    $("date-label").textContent = t("date." + event.code);
    ["new", "old"].forEach(function (side) { show($("f-" + side), event.addresses.indexOf(side) >= 0); });
    var abroad = $("old-abroad").checked && event.code === "move_in";
    show($("old-abroad").parentNode, event.code === "move_in");
    show($("old-country").parentNode, abroad);
    show($("old-postal").parentNode, !abroad);
    document.querySelectorAll(".subject-row label").forEach(function (l) {
      l.dataset.t = "subject." + (event.subjects ? event.code : "birth"); l.textContent = t(l.dataset.t);
    });
    $("subjects-hint").dataset.t = "subjects." + event.code;
    show($("subjects-hint"), Boolean(event.subjects));
    $("subjects-hint").textContent = event.subjects ? t("subjects." + event.code) : "";
    memberKeys().forEach(function (k) {
      show($("m" + k + "-subject").parentNode, Boolean(event.subjects));
      ["insurance", "card", "care_certified", "nationality"].forEach(function (key) {
        show($("m" + k + "-" + key).parentNode, event.member.indexOf(key) >= 0);
      });
      show($("m" + k + "-seal").parentNode, event.member.indexOf("seal") >= 0);
    });
    show($("dogs").parentNode, event.household.indexOf("extras.dogs") >= 0);
    show($("mopeds").parentNode, event.household.indexOf("extras.mopeds") >= 0);
    show($("f-extras"), event.household.length > 0);
  }

  /* ---- the document ---------------------------------------------------------------------------- */
  function value(id) { return $(id).value; }
  function visible(id) { var n = $(id); while (n) { if (n.hidden) { return false; } n = n.parentElement; } return true; }

  function readAddress(side) {
    var a = { address: value(side + "-address") };
    if (side === "old" && visible("old-country")) { a.country = value("old-country"); } else { a.postal = value(side + "-postal"); }
    if (value(side + "-building").trim()) { a.building = value(side + "-building"); }
    if (side === "old") { a.head = value("old-head"); }
    return a;
  }

  function readMember(k) {
    var id = function (key) { return "m" + k + "-" + key; };
    var m = { family: value(id("family")), given: value(id("given")), family_kana: value(id("family_kana")),
      given_kana: value(id("given_kana")), birth: readDate(id("birth")), sex: value(id("sex")) || undefined,
      relation: value(id("relation")) };
    if (visible(id("insurance")) && value(id("insurance"))) { m.insurance = value(id("insurance")); }
    ["card", "care_certified"].forEach(function (key) {
      if (visible(id(key)) && value(id(key))) { m[key] = value(id(key)) === "yes"; }
    });
    if (visible(id("nationality")) && value(id("nationality"))) { m.nationality = value(id("nationality")); }
    return m;
  }

  function readNumber(id) {
    var text = KKN2.digits(value(id));
    return /^[0-9]{1,3}$/.test(text) ? Number(text) : (text ? text : 0);
  }

  /* The household document as typed (not yet checked). */
  function readDocument() {
    var event = currentEvent(), keys = memberKeys();
    var doc = { v: 2, event: event ? event.code : undefined, date: readDate("date") };
    if (value("phone").trim()) { doc.phone = value("phone"); }
    (event ? event.addresses : []).forEach(function (side) { doc[side] = readAddress(side); });
    doc.notifier = Number(value("notifier") || 0);
    if (event && event.subjects) {
      doc.subjects = keys.map(function (k, i) { return $("m" + k + "-subject").checked ? i : -1; }).filter(function (i) { return i >= 0; });
    }
    doc.members = keys.map(readMember);
    doc.extras = { dogs: visible("dogs") ? readNumber("dogs") : 0, mopeds: visible("mopeds") ? readNumber("mopeds") : 0,
      seal_registration: keys.map(function (k, i) { return visible("m" + k + "-seal") && $("m" + k + "-seal").checked ? i : -1; })
        .filter(function (i) { return i >= 0; }) };
    return JSON.parse(JSON.stringify(doc));  // undefined keys left out, as the counter's encoder does
  }

  function fillMember(k, m) {
    var id = function (key) { return "m" + k + "-" + key; };
    ["family", "given", "family_kana", "given_kana", "sex", "relation", "insurance"].forEach(function (key) { $(id(key)).value = m[key] || ""; });
    ["card", "care_certified"].forEach(function (key) { $(id(key)).value = m[key] === true ? "yes" : m[key] === false ? "no" : ""; });
    $(id("nationality")).value = m.nationality || "";
    writeDate(id("birth"), m.birth);
  }

  /* Put a document into the form (the demo household, a kept draft). */
  function fillDocument(doc) {
    var radio = document.querySelector("input[name=event][value='" + doc.event + "']");
    if (radio) { radio.checked = true; }
    writeDate("date", doc.date);
    $("phone").value = doc.phone || "";
    ["new", "old"].forEach(function (side) {
      var a = doc[side] || {};
      ["postal", "address", "building"].forEach(function (key) { $(side + "-" + key).value = a[key] || ""; });
      if (side === "old") { $("old-head").value = a.head || ""; $("old-abroad").checked = Boolean(a.country); $("old-country").value = a.country || ""; }
    });
    $("member-list").textContent = "";
    memberSeq = 0;
    (doc.members || []).forEach(function (m, i) {
      var k = addMember(m);
      $("m" + k + "-subject").checked = (doc.subjects || []).indexOf(i) >= 0;
      $("m" + k + "-seal").checked = ((doc.extras || {}).seal_registration || []).indexOf(i) >= 0;
    });
    renumber();
    $("notifier").value = String(typeof doc.notifier === "number" ? doc.notifier : 0);
    $("dogs").value = String((doc.extras || {}).dogs || 0);
    $("mopeds").value = String((doc.extras || {}).mopeds || 0);
    applyEvent();
  }

  window.kakanai = { encode: function (doc) { var r = KKN2.validate(doc, SPEC); return r.errors.length ? r.errors : KKN2.encode(r.doc, SPEC); },
    validate: function (doc) { return KKN2.validate(doc, SPEC); }, fill: fillDocument, read: readDocument };

  /* ---- errors, summary, code -------------------------------------------------------------------- */
  function inputFor(path) {
    var m = /^members\[(\d+)\]\.(\w+)/.exec(path);
    if (m) { var k = memberKeys()[Number(m[1])]; return k === undefined ? null : $("m" + k + "-" + m[2]); }
    if (path === "subjects") { return $("member-list"); }
    var id = path.replace(/\./g, "-").replace("extras-", "");
    return $(id) || $(path.split(".")[0] === "old" ? "f-old" : path.split(".")[0] === "new" ? "f-new" : "f-event");
  }

  function showErrors(errors) {
    document.querySelectorAll(".error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    document.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
    var list = $("error-list");
    list.textContent = "";
    errors.forEach(function (e) {
      var input = inputFor(e.path), message = t(e.key);
      var box = input && $(input.id + "-error");
      if (box) { box.hidden = false; box.textContent = message; }
      if (input && input.id) { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", input.id + "-error"); }
      var link = el("a", { href: "#" + (input ? input.id : "f-event"), text: label(e.path) + "：" + message });
      list.append(el("li", {}, [link]));
    });
    $("errors").hidden = !errors.length;
    if (errors.length) { $("errors").focus(); }
  }

  function label(path) {
    var m = /^members\[(\d+)\]\.(\w+)/.exec(path);
    if (m) { return t("member.legend", Number(m[1]) + 1) + " " + t("member." + m[2]); }
    var known = { date: "date." + (currentEvent() || { code: "move_in" }).code, event: "event", phone: "phone", notifier: "notifier",
      subjects: "subject." + (currentEvent() || { code: "birth" }).code, "new.postal": "address.postal", "old.postal": "address.postal", "extras.dogs": "dogs", "extras.mopeds": "mopeds" };
    return t(known[path] || (path.split(".")[0] + ".legend"));
  }

  function summaryRows(doc) {
    var rows = [[t("event"), t("event." + doc.event)], [t("date." + doc.event), doc.date]];
    ["new", "old"].forEach(function (side) {
      var a = doc[side];
      if (a) { rows.push([t(side + ".legend"), [a.postal || countryName(a.country), a.address, a.building || ""].join(" ").trim()]); }
    });
    doc.members.forEach(function (m, i) {
      rows.push([t("member.legend", i + 1), [m.family + " " + m.given, "(" + m.family_kana + " " + m.given_kana + ")",
        m.birth, t("sex." + m.sex), m.relation, m.nationality ? countryName(m.nationality) : ""].join(" ").trim()]);
    });
    rows.push([t("notifier"), t("member.legend", doc.notifier + 1)]);
    if (doc.phone) { rows.push([t("phone"), doc.phone]); }
    return rows;
  }

  var checked = null;
  function onCheck(e) {
    e.preventDefault();
    var typed = readDocument();
    var result = KKN2.validate(typed, SPEC);
    result.errors.forEach(function (err) {  // a date outside its era (令和1月1日 …) says so
      var m = /^members\[(\d+)\]\.birth$/.exec(err.path);
      var raw = err.path === "date" ? typed.date : m ? typed.members[Number(m[1])].birth : null;
      if (raw === "?era") { err.key = "err.era"; }
    });
    if (!currentEvent()) { result.errors.unshift({ path: "event", key: "err.required" }); }
    showErrors(result.errors);
    if (result.errors.length) { return; }
    checked = result.doc;
    if ($("keep-draft").checked) { try { localStorage.setItem(DRAFT_KEY, JSON.stringify(checked)); } catch (err) { $("keep-draft").checked = false; } }
    var dl = $("summary-list");
    dl.textContent = "";
    summaryRows(checked).forEach(function (r) { dl.append(el("dt", { text: r[0] }), el("dd", { text: r[1] })); });
    showPage("summary");
  }

  function onShowCode(quiet) {
    var text = KKN2.encode(checked, SPEC);
    var qr = qrcode(0, "M");
    qr.addData(SPEC.kkn2.prefix, "Alphanumeric");
    qr.addData(text.slice(SPEC.kkn2.prefix.length), "Numeric");
    try { qr.make(); } catch (err) { showErrors([{ path: "members", key: "err.too_big" }]); return; }
    drawCode(qr);
    $("payload").value = text;
    $("payload").textContent = text;
    showPage("code", quiet === true);
  }

  function drawCode(qr) {
    var count = qr.getModuleCount(), border = 4, canvas = $("qr");
    var module = Math.max(2, Math.floor(Math.min(window.innerWidth - 24, 720) / (count + 2 * border)));
    canvas.width = canvas.height = (count + 2 * border) * module;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#000";
    for (var r = 0; r < count; r++) {
      for (var c = 0; c < count; c++) {
        if (qr.isDark(r, c)) { ctx.fillRect((c + border) * module, (r + border) * module, module, module); }
      }
    }
    canvas.dataset.version = String((count - 17) / 4);
  }

  function showPage(name, quiet) {
    ["form-page", "summary", "code"].forEach(function (p) { $(p).hidden = p !== name && !(name === "form" && p === "form-page"); });
    var heading = $(name === "form" ? "form-heading" : name + "-heading");
    if (heading && !quiet) { heading.focus(); }
    window.scrollTo(0, 0);
  }

  /* ---- start ------------------------------------------------------------------------------------ */
  function start() {
    var langSelect = $("lang");
    Object.keys(TEXTS.languages).forEach(function (code) { langSelect.append(new Option(TEXTS.languages[code].name, code)); });
    langSelect.addEventListener("change", function () { setLanguage(langSelect.value); renumber(); });
    SPEC.events.forEach(function (e) {
      var id = "event-" + e.code;
      $("event-list").append(el("div", { "class": "choice" }, [el("input", { type: "radio", name: "event", id: id, value: e.code }),
        el("label", { "for": id, "data-t": "event." + e.code })]));
    });
    $("date").replaceWith(dateInput("date", "date.move_in"));
    $("date").querySelector("legend").id = "date-label";
    addressFields("new"); addressFields("old");
    $("event-list").addEventListener("change", applyEvent);
    $("old-abroad").addEventListener("change", applyEvent);
    $("add-member").addEventListener("click", function () { var k = addMember(); $("m" + k + "-family").focus(); });
    $("member-list").addEventListener("change", function () { renumber(); });
    $("form").addEventListener("submit", onCheck);
    $("back-to-form").addEventListener("click", function () { showPage("form"); });
    $("back-to-summary").addEventListener("click", function () { showPage("summary"); });
    $("show-code").addEventListener("click", onShowCode);
    $("keep-draft").addEventListener("change", function () { if (!$("keep-draft").checked) { localStorage.removeItem(DRAFT_KEY); } });
    $("forget-draft").addEventListener("click", function () { localStorage.removeItem(DRAFT_KEY); location.reload(); });
    $("city-name").textContent = SPEC.city.name;
    var wanted = (navigator.languages || []).map(function (l) { return l.toLowerCase().split("-")[0]; });
    var params = new URLSearchParams(location.search);
    setLanguage(params.get("lang") || wanted.filter(function (l) { return TEXTS.strings[l]; })[0] || "ja");
    addMember();
    var draft = null;
    try { draft = localStorage.getItem(DRAFT_KEY); } catch (e) { draft = null; }
    if (draft) { $("keep-draft").checked = true; $("forget-draft").hidden = false; fillDocument(JSON.parse(draft)); }
    if (location.hash === "#demo") { fillDocument(DEMO); onCheck(new Event("submit")); if (checked) { onShowCode(true); } }
    showPage(location.hash === "#demo" && checked ? "code" : "form", true);
  }
  start();
})();
