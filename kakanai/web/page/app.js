/* The resident page: the form, its languages, the summary and the code. Nothing leaves the page:
 * no request, no storage unless the resident ticks "keep a draft on this device". */
"use strict";
(function () {
  var SPEC = JSON.parse(document.getElementById("kakanai-spec").textContent);
  KKN2.use(SPEC);
  var TEXTS = JSON.parse(document.getElementById("kakanai-texts").textContent);
  var DEMO = JSON.parse(document.getElementById("kakanai-demo").textContent);
  var DRAFT_KEY = "kakanai-draft";
  var $ = function (id) { return document.getElementById(id); };
  var lang = "ja";
  var memberSeq = 0;

  /* ---- languages ---------------------------------------------------------------------------- */
  function t(key, n) {
    var table = TEXTS.strings[lang] || {};
    var text = table[key] !== undefined ? table[key] : (TEXTS.strings.ja[key] !== undefined ? TEXTS.strings.ja[key]
      : (SPEC.labels[key] !== undefined ? SPEC.labels[key] : SPEC.labels[key.replace(/\.legend$/, "")] || key));  // a fact new to the model: the counter's words
    return n === undefined ? text : text.replace("{n}", String(n));
  }

  function translate(root) {
    root.querySelectorAll("[data-t]").forEach(function (el) { el.textContent = t(el.dataset.t, el.dataset.n); });
    root.querySelectorAll("[data-t-label]").forEach(function (el) { el.setAttribute("aria-label", t(el.dataset.tLabel, el.dataset.n)); });
    root.querySelectorAll("select[data-countries]").forEach(fillCountries);
    root.querySelectorAll("option[data-choice]").forEach(function (o) { o.textContent = choiceLabel(o.value, o.parentNode.dataset.choice); });
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
      el("div", { "class": "row" }, [era,  // each box with its unit (年, month …): a narrow screen wraps between them
        el("span", { "class": "unit" }, [part("y", "date.year", "4"), el("span", { "data-t": "date.y" })]),
        el("span", { "class": "unit" }, [part("m", "date.month", "2"), el("span", { "data-t": "date.m" })]),
        el("span", { "class": "unit" }, [part("d", "date.day", "2"), el("span", { "data-t": "date.d" })])]),
      el("p", { "class": "error", id: id + "-error", hidden: "" })]);
  }

  /* ---- fields generated from the household model ------------------------------------------------
   * A fact the page has no hand-made field for (one the model gained later) is asked by a field made
   * from its JSON Schema node: yes/no, a choice of its codes, a date, a number or a text. */
  var LOOKUP = SPEC.lookup;  // how a generated field finds its words: one table, written by the build (shown_texts.lookup)
  var HAND_MEMBER = LOOKUP.hand.member, HAND_HOUSEHOLD = LOOKUP.hand.household;
  var GENERIC_MEMBER = [], GENERIC_HOUSEHOLD = [];
  SPEC.events.forEach(function (e) {
    e.member.forEach(function (k) { if (HAND_MEMBER.indexOf(k) < 0 && GENERIC_MEMBER.indexOf(k) < 0) { GENERIC_MEMBER.push(k); } });
    e.household.forEach(function (k) { if (HAND_HOUSEHOLD.indexOf(k) < 0 && GENERIC_HOUSEHOLD.indexOf(k) < 0) { GENERIC_HOUSEHOLD.push(k); } });
  });

  /* A schema node itself: a $ref followed, an optional's non-null branch (an object's first). */
  function plain(node) {
    if (node && node.anyOf) {
      var branches = node.anyOf.filter(function (n) { return n.type !== "null"; }).map(plain);
      node = branches.filter(function (n) { return n.type === "object"; })[0] || branches[0];
    }
    return node && node.$ref ? plain(SPEC.schema.$defs[node.$ref.split("/").pop()]) : node;
  }

  /* The node of a document path from the root: "bank", "death.time", "members.residence.card". */
  function nodeAt(path) {
    var node = SPEC.schema;
    path.split(".").forEach(function (key) {
      node = plain(node.properties[key]);
      if (node.type === "array") { node = plain(node.items); }
    });
    return node;
  }

  function kindOf(node) {
    if (node.type === "boolean") { return "bool"; }
    if ((node["x-checks"] || []).indexOf("date") >= 0) { return "date"; }
    if (node.enum && node.enum.indexOf("JP") >= 0 && node.enum.length > 100) { return "country"; }
    if (node.enum) { return "choice"; }
    if (node.type === "integer" && node.minimum === 0 && node.maximum === undefined) { return "member"; }  // an index
    if (node.type === "integer" && node.maximum !== undefined && node.maximum - node.minimum < 10) { return "choice"; }
    if (node.type === "integer") { return "int"; }
    return (node["x-checks"] || []).indexOf("kana") >= 0 ? "kana" : "text";
  }

  function codes(node) {
    if (node.enum) { return node.enum.map(String); }
    var out = [];
    for (var n = node.minimum; n <= node.maximum; n++) { out.push(String(n)); }
    return out;
  }

  /* A code's words: the page's translation, else the counter's label from the vocabulary list the
   * build found for this choice (LOOKUP.choices: so "birth" of 30条の45区分 is not the event). */
  function choiceLabel(code, path) {
    var table = LOOKUP.choices[path];
    var key = "choice." + (table ? table + "." : "") + code;
    var translated = t(key);
    if (translated !== key) { return translated; }
    return table ? SPEC.choiceLabels[table][String(code)] : String(code);
  }

  /* The label's key of an object's field (the build's LOOKUP.labels: its own, else a member's of that name). */
  function labelKey(prefix, key) { return LOOKUP.labels[prefix + "." + key] || prefix + "." + key; }

  function digitsOnly(node) { return /^\^\[0-9\]/.test(node.pattern || ""); }

  function genericField(id, key, path) {
    var node = nodeAt(path);
    var kind = kindOf(node), input;
    if (kind === "date") { return dateInput(id, key); }
    if (kind === "bool") { input = select([["", "choose"], ["yes", "yes"], ["no", "no"]]); }
    else if (kind === "country") { input = el("select", { "data-countries": "country" }); }
    else if (kind === "member") { input = el("select", { "data-members": "" }); }
    else if (kind === "choice") {
      input = el("select", {}, [el("option", { value: "", "data-t": "choose" })]);
      codes(node).forEach(function (code) { input.append(el("option", { value: code, "data-choice": "" })); });
      input.dataset.choice = path;
    } else {
      input = textInput({ maxlength: String(node.maxLength || 200) });
      if (kind === "int" || digitsOnly(node)) { input.setAttribute("inputmode", "numeric"); }
      if (kind === "kana") { input.lang = "ja"; input.addEventListener("blur", function () { input.value = KKN2.toKatakana(input.value); }); }
    }
    return field(id, key, input);
  }

  /* The members as choices of a select that names one of them (婚姻後の氏, 請求者, 新しい世帯主). */
  /* A select's options made to be ``choices`` ([value, text]) in place: options are changed, added or
   * removed, never all replaced, so a list the resident has open (or is choosing from) stays usable. */
  function syncOptions(selectNode, choices) {
    var keep = selectNode.value;
    choices.forEach(function (choice, i) {
      var option = selectNode.options[i];
      if (!option) { selectNode.append(new Option(choice[1], choice[0])); return; }
      if (option.value !== choice[0]) { option.value = choice[0]; }
      if (option.text !== choice[1]) { option.text = choice[1]; }
    });
    while (selectNode.options.length > choices.length) { selectNode.remove(choices.length); }
    var values = choices.map(function (c) { return c[0]; });
    selectNode.value = values.indexOf(keep) >= 0 ? keep : values[0];
  }

  function memberChoices() {
    return memberKeys().map(function (k, i) {
      var name = ($("m" + k + "-family").value + " " + $("m" + k + "-given").value).trim();
      return [String(i), t("member.legend", i + 1) + (name ? t("sep") + name : "")];
    });
  }

  /* The members as choices of a select that names one of them (婚姻後の氏, 請求者, 新しい世帯主). */
  function fillMemberChoices(selectNode) {
    syncOptions(selectNode, [["", t("choose")]].concat(memberChoices()));
  }

  function readGeneric(id, node) {
    var kind = kindOf(node), text;
    if (kind === "date") { return readDate(id); }
    text = $(id).value;
    if (kind === "bool") { return text === "" ? undefined : text === "yes"; }
    if (kind === "member" || (kind === "choice" && node.type === "integer")) { return text === "" ? undefined : Number(text); }
    if (kind === "int" || digitsOnly(node)) { text = KKN2.digits(text); }  // full-width digits typed
    if (kind === "int") { return text === "" ? undefined : (/^[0-9]{1,9}$/.test(text) ? Number(text) : text); }
    return text.trim() === "" ? undefined : text;
  }

  function writeGeneric(id, node, v) {
    var kind = kindOf(node);
    if (kind === "date") { writeDate(id, v); }
    else if (kind === "bool") { $(id).value = v === true ? "yes" : v === false ? "no" : ""; }
    else { $(id).value = v === undefined || v === null ? "" : String(v); }
  }

  function getPath(obj, path) {
    return path.split(".").reduce(function (o, k) { return o && typeof o === "object" ? o[k] : undefined; }, obj);
  }

  function setPath(obj, path, v) {
    if (v === undefined) { return; }
    var keys = path.split("."), o = obj;
    keys.slice(0, -1).forEach(function (k) { o = o[k] = o[k] || {}; });
    o[keys[keys.length - 1]] = v;
  }

  /* The fields of one object of the document (a notifier from outside, the bank account, a death …). */
  function objectFields(box, path, prefix, labelPrefix) {
    Object.keys(nodeAt(path).properties).forEach(function (key) {
      box.append(genericField(prefix + key, labelKey(labelPrefix, key), path + "." + key));
    });
  }

  function readObject(path, prefix) {
    var out = {};
    Object.keys(nodeAt(path).properties).forEach(function (key) {
      setPath(out, key, readGeneric(prefix + key, nodeAt(path + "." + key)));
    });
    return Object.keys(out).length ? out : undefined;
  }

  function writeObject(path, prefix, obj) {
    Object.keys(nodeAt(path).properties).forEach(function (key) {
      writeGeneric(prefix + key, nodeAt(path + "." + key), (obj || {})[key]);
    });
  }

  /* The household's facts the page has no fields of its own for: an object in its own fieldset,
   * a single value (新しい世帯主 …) in one fieldset for them all. */
  function householdFields() {
    GENERIC_HOUSEHOLD.forEach(function (key) {
      var node = nodeAt(key);
      if (node.type === "object") {
        var box = $("f-" + key) || el("fieldset", { id: "f-" + key }, [el("legend", { "data-t": key + ".legend" })]);
        if (!box.parentNode) { $("f-more").before(box); }
        objectFields(box, key, key + "-", key);
      } else {
        $("f-more").append(genericField("h-" + key, key, key));
      }
    });
  }

  function readHousehold(doc) {
    GENERIC_HOUSEHOLD.forEach(function (key) {
      var node = nodeAt(key);
      if (node.type === "object") {
        if (visible("f-" + key)) { setPath(doc, key, readObject(key, key + "-")); }
      } else if (visible("h-" + key)) { setPath(doc, key, readGeneric("h-" + key, node)); }
    });
  }

  function writeHousehold(doc) {
    GENERIC_HOUSEHOLD.forEach(function (key) {
      var node = nodeAt(key);
      if (node.type === "object") { writeObject(key, key + "-", doc[key]); } else { writeGeneric("h-" + key, node, doc[key]); }
    });
  }

  /* ---- the bank account: codes checked against the 全銀 list the counter uses ------------------- */
  function bankFields() {
    if (GENERIC_HOUSEHOLD.indexOf("bank") < 0) { $("f-bank").remove(); return; }
    $("bank-bank").setAttribute("list", "bank-list");
    $("bank-branch").setAttribute("list", "branch-list");
    $("bank-bank").after(el("p", { "class": "town", id: "bank-name", "aria-live": "polite" }));
    $("bank-branch").after(el("p", { "class": "town", id: "branch-name", "aria-live": "polite" }));
    var list = $("bank-list");
    Object.keys(SPEC.banks).forEach(function (code) { list.append(el("option", { value: code, label: SPEC.banks[code][0] })); });
    $("bank-bank").addEventListener("input", showBank);
    $("bank-branch").addEventListener("input", showBank);
  }

  function showBank() {
    if (!$("bank-bank")) { return; }
    var bank = SPEC.banks[KKN2.digits($("bank-bank").value)], code = KKN2.digits($("bank-branch").value);
    $("bank-name").textContent = bank ? bank[0] : "";
    $("branch-name").textContent = bank && bank[1][code] ? bank[1][code] : "";
    var list = $("branch-list"), shown = list.dataset.bank;
    if (bank && shown !== $("bank-bank").value) {
      list.textContent = "";
      Object.keys(bank[1]).forEach(function (b) { list.append(el("option", { value: b, label: bank[1][b] })); });
      list.dataset.bank = $("bank-bank").value;
    }
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
    parts.push(el("div", { "class": "field check" }, [el("input", { type: "checkbox", id: side + "-abroad" }),
      el("label", { "for": side + "-abroad", "data-t": side + ".abroad" })]));
    parts.push(field(side + "-country", side + ".country", el("select", { "data-countries": "country" })));
    parts.push(field(side + "-postal", "address.postal", postal),
      el("p", { "class": "town", id: side + "-town", "aria-live": "polite" }),
      field(side + "-address", "address.address", textInput()),
      field(side + "-building", "address.building", textInput()));
    parts.push(field(side + "-head", side + ".head", textInput()));
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
    GENERIC_MEMBER.forEach(function (key) {
      box.append(genericField(id(key.replace(/\./g, "-")), "member." + key, "members." + key));
    });
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
    syncOptions($("notifier"), memberChoices().concat([["other", t("notifier.other")]]));
    document.querySelectorAll("select[data-members]").forEach(fillMemberChoices);
    $("add-member").disabled = keys.length >= SPEC.kkn2.maxMembers;
    applyEvent();
  }

  /* ---- a choice cut in its closed dropdown --------------------------------------------------------
   * A closed dropdown shows its choice on one line; where a narrow screen cuts it, the choice is
   * written out whole under it (the open list shows every choice whole anyway). */
  var measure = document.createElement("canvas").getContext("2d");
  var ARROW = 28;  // the dropdown's arrow and its margin, in CSS px

  function isCut(selectNode, text) {
    var style = getComputedStyle(selectNode);
    measure.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
    var room = selectNode.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW;
    return measure.measureText(text).width > room;
  }

  function showWhole(selectNode) {
    var note = selectNode.nextElementSibling;
    if (!note || !note.classList.contains("whole")) {
      note = el("p", { "class": "whole", "aria-hidden": "true", hidden: "" });  // the dropdown itself names its choice
      selectNode.after(note);
    }
    var option = selectNode.options[selectNode.selectedIndex];
    var text = option && option.value !== "" ? option.text : "";
    var cut = Boolean(text) && selectNode.getClientRects().length > 0 && isCut(selectNode, text);
    note.hidden = !cut;
    note.textContent = cut ? text : "";
  }

  function showWholeChoices() {
    document.querySelectorAll("main select:not(#lang)").forEach(function (s) { if (!s.closest("[hidden]")) { showWhole(s); } });
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
    var legend = $("f-new").querySelector("legend");
    legend.dataset.t = addressLegend("new");
    legend.textContent = t(legend.dataset.t);
    ["new", "old"].forEach(function (side) {
      var may = event.abroad.indexOf(side) >= 0, abroad = may && $(side + "-abroad").checked;
      show($(side + "-abroad").parentNode, may);
      show($(side + "-country").parentNode, abroad);
      show($(side + "-postal").parentNode, !abroad);
      show($(side + "-town"), !abroad);
      show($(side + "-head").parentNode, side === "old" || event.household.indexOf(side + ".head") >= 0);
    });
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
      var foreign = Boolean($("m" + k + "-nationality").value);
      GENERIC_MEMBER.forEach(function (key) {
        var top = key.split(".")[0];
        var fits = SPEC.foreignOnly.indexOf(top) >= 0 ? foreign : SPEC.nationalsOnly.indexOf(top) >= 0 ? !foreign : true;
        if (event.subjectsOnly.indexOf(key) >= 0) { fits = fits && $("m" + k + "-subject").checked; }  // the newborn's birth time …
        show($("m" + k + "-" + key.replace(/\./g, "-")).closest(".field"), event.member.indexOf(key) >= 0 && fits);
      });
    });
    var more = false;
    GENERIC_HOUSEHOLD.forEach(function (key) {
      var asked = event.household.indexOf(key) >= 0;
      if (nodeAt(key).type === "object") { show($("f-" + key), asked); }
      else { show($("h-" + key).closest(".field"), asked); more = more || asked; }
    });
    show($("f-more"), more);
    show($("f-notifier"), $("notifier").value === "other");
    show($("dogs").parentNode, event.household.indexOf("extras.dogs") >= 0);
    show($("mopeds").parentNode, event.household.indexOf("extras.mopeds") >= 0);
    show($("f-extras"), event.household.some(function (k) { return /^extras\./.test(k); }));
    showWholeChoices();
  }

  /* ---- the document ---------------------------------------------------------------------------- */
  function value(id) { return $(id).value; }
  function visible(id) { var n = $(id); while (n) { if (n.hidden) { return false; } n = n.parentElement; } return true; }

  function readAddress(side) {
    var a = { address: value(side + "-address") };
    if (visible(side + "-country")) { a.country = value(side + "-country"); } else { a.postal = value(side + "-postal"); }
    if (value(side + "-building").trim()) { a.building = value(side + "-building"); }
    if (side === "old") { a.head = value("old-head"); } else if (visible("new-head") && value("new-head").trim()) { a.head = value("new-head"); }
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
    GENERIC_MEMBER.forEach(function (key) {
      var fid = id(key.replace(/\./g, "-"));
      if (visible(fid)) { setPath(m, key, readGeneric(fid, nodeAt("members." + key))); }
    });
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
    doc.notifier = value("notifier") === "other" ? readObject("notifier", "n-") || {} : Number(value("notifier") || 0);
    readHousehold(doc);
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
    GENERIC_MEMBER.forEach(function (key) { writeGeneric(id(key.replace(/\./g, "-")), nodeAt("members." + key), getPath(m, key)); });
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
      $(side + "-head").value = a.head || ""; $(side + "-abroad").checked = Boolean(a.country); $(side + "-country").value = a.country || "";
    });
    $("member-list").textContent = "";
    memberSeq = 0;
    (doc.members || []).forEach(function (m, i) {
      var k = addMember(m);
      $("m" + k + "-subject").checked = (doc.subjects || []).indexOf(i) >= 0;
      $("m" + k + "-seal").checked = ((doc.extras || {}).seal_registration || []).indexOf(i) >= 0;
    });
    renumber();
    $("notifier").value = typeof doc.notifier === "number" ? String(doc.notifier) : doc.notifier ? "other" : "0";
    writeObject("notifier", "n-", typeof doc.notifier === "object" ? doc.notifier : {});
    writeHousehold(doc);
    showBank();
    $("dogs").value = String((doc.extras || {}).dogs || 0);
    $("mopeds").value = String((doc.extras || {}).mopeds || 0);
    applyEvent();
  }

  window.kakanai = { encode: function (doc) { var r = KKN2.validate(doc, SPEC); return r.errors.length ? r.errors : KKN2.encode(r.doc, SPEC); },
    validate: function (doc) { return KKN2.validate(doc, SPEC); }, fill: fillDocument, read: readDocument,
    code: function (text) { var qr = qrFor(text); return qr && { version: (qr.getModuleCount() - 17) / 4, level: qr.level }; },
    label: function (path) { return label(path); } };  // what the error list calls the field of an error

  /* ---- errors, summary, code -------------------------------------------------------------------- */
  function inputFor(path) {
    var m = /^members\[(\d+)\]\.([\w.]+)/.exec(path);
    if (m) { var k = memberKeys()[Number(m[1])]; return k === undefined ? null : $("m" + k + "-" + m[2].replace(/\./g, "-")); }
    if (path === "subjects" || path === "members") { return $("member-list"); }  // members: the whole household too big
    if (/^notifier\./.test(path)) { return $("n-" + path.slice(9)) || $("f-notifier"); }
    var top = path.split(".")[0];
    if (GENERIC_HOUSEHOLD.indexOf(top) >= 0) { return $(path.replace(/\./g, "-")) || $("h-" + path) || $("f-" + top); }
    var id = path.replace(/\./g, "-").replace("extras-", "");
    return $(id) || $(path.split(".")[0] === "old" ? "f-old" : path.split(".")[0] === "new" ? "f-new" : "f-event");
  }

  /* The errors in the order of their fields on the page (the checks find them in the document's
   * order: the bank before the first person), so the list reads top to bottom as the form does. */
  function inFormOrder(errors) {
    var places = errors.map(function (e, i) { return { error: e, input: inputFor(e.path), i: i }; });
    places.sort(function (a, b) {
      if (!a.input || !b.input || a.input === b.input) { return (a.input ? 1 : 0) - (b.input ? 1 : 0) || a.i - b.i; }
      return a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return places.map(function (p) { return p.error; });
  }

  function showErrors(errors) {
    document.querySelectorAll(".error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    document.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
    var list = $("error-list");
    list.textContent = "";
    errors = inFormOrder(errors);
    errors.forEach(function (e) {
      var input = inputFor(e.path), message = t(e.key).replace("{min}", String(e.min)).replace("{max}", String(e.max));
      var box = input && $(input.id + "-error");
      if (box) { box.hidden = false; box.textContent = message; }
      if (input && input.id) { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", input.id + "-error"); }
      var link = el("a", { href: "#" + (input ? input.id : "f-event"), text: label(e.path) + t("sep") + message });
      list.append(el("li", {}, [link]));
    });
    $("errors").hidden = !errors.length;
    if (errors.length) { $("errors").focus(); }
  }

  /* "新しい住所" for a move; the household's address (住所) for a birth, a death or a marriage */
  function addressLegend(side) {
    var event = currentEvent();
    return side === "new" && event && event.addresses.indexOf("old") < 0 ? "home.legend" : side + ".legend";
  }

  /* The words of a key, or "other" for a key no table has (a field of a document the form did not make). */
  function words(key) { var text = t(key); return text === key ? t("field.other") : text; }

  function label(path) {
    var m = /^members\[(\d+)\](?:\.([\w.]+))?/.exec(path);
    if (m) { return t("member.legend", Number(m[1]) + 1) + (m[2] ? " " + words("member." + m[2]) : ""); }
    if (/^notifier\./.test(path)) { return t("notifier.legend") + " " + words(labelKey("notifier", path.slice(9))); }
    var top = path.split(".")[0];
    if (GENERIC_HOUSEHOLD.indexOf(top) >= 0) { return path === top ? words(top) : words(top + ".legend") + " " + words(path); }
    var known = { date: "date." + (currentEvent() || { code: "move_in" }).code, event: "event", phone: "phone", notifier: "notifier",
      subjects: "subject." + (currentEvent() || { code: "birth" }).code, members: "members.heading", "new.postal": "address.postal", "old.postal": "address.postal",
      "new.country": "new.country", "old.country": "old.country", "extras.dogs": "dogs", "extras.mopeds": "mopeds" };
    return words(known[path] || addressLegend(top));
  }


  function summaryRows(doc) {
    var rows = [[t("event"), t("event." + doc.event)], [t("date." + doc.event), shownDate(doc.date)]];
    ["new", "old"].forEach(function (side) {
      var a = doc[side];
      if (a) { rows.push([t(addressLegend(side)), [a.postal || countryName(a.country), a.address, a.building || ""].join(" ").trim()]); }
      if (side === "new" && a && a.head) { rows.push([t("new.head"), a.head]); }
    });
    doc.members.forEach(function (m, i) {  // each person, then their other facts
      rows.push([t("member.legend", i + 1), [m.family + " " + m.given, "(" + m.family_kana + " " + m.given_kana + ")",
        shownDate(m.birth), t("sex." + m.sex), m.relation, m.nationality ? countryName(m.nationality) : ""].join(" ").trim()]);
      var own = { insurance: m.insurance && t("ins." + m.insurance), card: yesNo(m.card), care_certified: yesNo(m.care_certified),
        seal: ((doc.extras || {}).seal_registration || []).indexOf(i) >= 0 ? t("yes") : undefined };
      Object.keys(own).forEach(function (key) {
        if (own[key]) { rows.push([t("member.legend", i + 1) + " " + t("member." + key), own[key]]); }
      });
      GENERIC_MEMBER.forEach(function (key) {
        var v = getPath(m, key);
        if (v !== undefined && v !== "") { rows.push([t("member.legend", i + 1) + " " + t("member." + key), shownValue(v, "members." + key, doc)]); }
      });
    });
    if (typeof doc.notifier === "number") { rows.push([t("notifier"), t("member.legend", doc.notifier + 1)]); }
    else {
      var n = doc.notifier;
      rows.push([t("notifier"), [n.family + " " + (n.given || ""), "(" + n.family_kana + " " + (n.given_kana || "") + ")",
        n.relation || "", n.phone || ""].join(" ").replace(/\s+/g, " ").trim()]);
    }
    GENERIC_HOUSEHOLD.forEach(function (key) {
      if (key === "bank" || doc[key] === undefined) { return; }
      if (typeof doc[key] === "object") {
        Object.keys(doc[key]).forEach(function (leaf) {
          rows.push([t(key + ".legend") + " " + t(key + "." + leaf), shownValue(doc[key][leaf], key + "." + leaf, doc)]);
        });
      } else { rows.push([t(key), shownValue(doc[key], key, doc)]); }
    });
    if (doc.bank) {
      var bank = SPEC.banks[doc.bank.bank];
      rows.push([t("bank.legend"), [bank[0], bank[1][doc.bank.branch], choiceLabel(doc.bank.kind, "bank.kind"), doc.bank.number,
        doc.bank.holder_kana].join(" ")]);
    }
    if (doc.phone) { rows.push([t("phone"), doc.phone]); }
    ["dogs", "mopeds"].forEach(function (key) { if ((doc.extras || {})[key]) { rows.push([t(key), String(doc.extras[key])]); } });
    return rows;
  }

  /* A date as a Japanese reader typed it (令和8年4月1日, the era of the day), else as written (2026-04-01). */
  function shownDate(iso) {
    var era = SPEC.eras.filter(function (e) { return e.start <= iso; }).pop();
    if (!/^ja/.test(lang) || !era) { return iso; }
    return era.name + (Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1) + "年" + Number(iso.slice(5, 7)) + "月" +
      Number(iso.slice(8, 10)) + "日";
  }

  function yesNo(v) { return v === true ? t("yes") : v === false ? t("no") : undefined; }

  function shownValue(v, path, doc) {
    var kind = kindOf(nodeAt(path));
    if (kind === "bool") { return t(v ? "yes" : "no"); }
    if (kind === "date") { return shownDate(v); }
    if (kind === "choice") { return choiceLabel(v, path); }
    if (kind === "country") { return countryName(v); }
    if (kind === "member") { var m = doc.members[v]; return t("member.legend", v + 1) + (m ? t("sep") + m.family + " " + m.given : ""); }
    return String(v);
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

  /* The QR code of a KKN2 text: at error correction M (a scratched or dim screen still reads) when
   * the code fits, else at L, up to version 40, the largest a QR code is (the page's checks refuse
   * a household whose code even that cannot hold: spec.kkn2.maxText); null when none holds it. */
  var LEVELS = ["M", "L"];
  function qrFor(text) {
    for (var i = 0; i < LEVELS.length; i++) {
      var qr = qrcode(0, LEVELS[i]);
      qr.addData(SPEC.kkn2.prefix, "Alphanumeric");
      qr.addData(text.slice(SPEC.kkn2.prefix.length), "Numeric");
      try { qr.make(); } catch (err) { continue; }  // "code length overflow": too much for this level
      qr.level = LEVELS[i];
      return qr;
    }
    return null;
  }

  function onShowCode(quiet) {
    var text = KKN2.encode(checked, SPEC);
    var qr = qrFor(text);
    if (!qr) { showErrors([{ path: "members", key: "err.too_big" }]); return; }
    $("payload").value = text;
    $("payload").textContent = text;
    showPage("code", quiet === true);
    drawCode(qr);
    $("qr").scrollIntoView({ block: "nearest" });  // the whole code on the screen, ready to show at the counter
  }

  /* Every module the same whole number of the screen's pixels, as large as the width allows (a code
   * scaled by a fraction has modules of two sizes, which a scanner misreads in a large code). */
  function drawCode(qr) {
    var count = qr.getModuleCount(), border = 4, canvas = $("qr"), ratio = window.devicePixelRatio || 1;
    var room = Math.min(canvas.parentNode.clientWidth || window.innerWidth - 36, 720) * ratio;
    var module = Math.max(1, Math.floor(room / (count + 2 * border)));
    canvas.width = canvas.height = (count + 2 * border) * module;
    canvas.style.width = (canvas.width / ratio) + "px";
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#000";
    for (var r = 0; r < count; r++) {
      for (var c = 0; c < count; c++) {
        if (qr.isDark(r, c)) { ctx.fillRect((c + border) * module, (r + border) * module, module, module); }
      }
    }
    canvas.dataset.version = String((count - 17) / 4);
    canvas.dataset.level = qr.level;
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
    objectFields($("f-notifier"), "notifier", "n-", "notifier");
    householdFields();
    bankFields();
    $("notifier").addEventListener("change", applyEvent);
    $("event-list").addEventListener("change", applyEvent);
    $("old-abroad").addEventListener("change", applyEvent);
    $("new-abroad").addEventListener("change", applyEvent);
    $("add-member").addEventListener("click", function () { var k = addMember(); $("m" + k + "-family").focus(); });
    $("member-list").addEventListener("change", function () { renumber(); });
    $("form").addEventListener("submit", onCheck);
    $("form").addEventListener("change", function (e) { if (e.target.tagName === "SELECT") { showWhole(e.target); } });
    window.addEventListener("resize", showWholeChoices);
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
