/* Haave's pages work without this file. It only adds: focus on the new question and a polite
   announcement of it, read aloud with the device's own voice (the server's WAV where the device
   has no voice of the language), drafts of own words kept in this tab (sessionStorage: never
   sent anywhere, gone when the tab closes), number keys for the choices, and no double sends. */
(function () {
  "use strict";
  var body = document.body;
  var data = body.dataset;
  document.documentElement.classList.add("js");

  /* -- status words for the client, in the page's language (from the page's data) -- */
  function say(words) {
    var box = document.getElementById("announce");
    if (!box || !words) return;
    box.textContent = "";
    window.setTimeout(function () { box.textContent = words; }, 150);
  }

  /* -- focus: the error to fix, else the new question -- */
  function focusFirst() {
    var error = document.getElementById("error-summary");
    var question = data.focus === "question" ? document.getElementById("question") : null;
    var target = error || question;
    if (target && !window.location.hash) target.focus();
    if (!error && data.announce) say(data.announce);
  }

  /* -- drafts: own words typed but not sent yet survive a reload, sleep or a lost network -- */
  var PREFIX = "haave:draft:" + (data.session || "") + ":";
  function store() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }
  function saveDraft(field) {
    var s = store();
    if (!s) return;
    var key = PREFIX + field.dataset.draft;
    try {
      if (field.value.trim()) s.setItem(key, field.value); else s.removeItem(key);
    } catch (e) { /* storage full or refused: the form still works */ }
  }
  function drafts() {
    var s = store();
    var fields = document.querySelectorAll("[data-draft]");
    if (!s || !data.session) return;
    (data.draftsDone || "").split(" ").forEach(function (done) {
      if (done) s.removeItem(PREFIX + done);
    });
    var restored = false;
    Array.prototype.forEach.call(fields, function (field) {
      var kept = s.getItem(PREFIX + field.dataset.draft);
      if (kept !== null && kept !== field.value) {
        field.value = kept;
        restored = true;
        var details = field.closest("details");
        if (details) details.open = true;
      }
      var timer = null;
      field.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { saveDraft(field); }, 500);
      });
    });
    if (restored) say(data.draftBack);
    function saveAll() { Array.prototype.forEach.call(fields, saveDraft); }
    window.setInterval(saveAll, 3000);
    window.addEventListener("pagehide", saveAll);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") saveAll();
    });
    Array.prototype.forEach.call(document.forms, function (form) {
      form.addEventListener("submit", saveAll);
    });
  }

  /* -- read aloud: the device's own voice in the session's language -- */
  var player = null;
  function stopSpeaking() {
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    if (player) { player.pause(); }
  }
  function playAudio(url) {
    if (!player) {
      player = document.createElement("audio");
      player.id = "speech-audio";
      player.preload = "none";
      body.appendChild(player);
    }
    player.src = url;
    var started = player.play();
    if (started && started.catch) started.catch(function () { say(data.speechNone); });
  }
  function voiceFor(tag, voices) {
    var want = tag.toLowerCase();
    var base = want.split("-")[0];
    var norm = function (v) { return (v.lang || "").toLowerCase().replace("_", "-"); };
    return voices.filter(function (v) { return norm(v) === want; })[0] ||
      voices.filter(function (v) { return norm(v).split("-")[0] === base; })[0] || null;
  }
  function withVoices(then) {
    var synth = window.speechSynthesis;
    var voices = synth.getVoices();
    if (voices.length) { then(voices); return; }
    var done = false;
    var finish = function () {
      if (done) return;
      done = true;
      then(synth.getVoices());
    };
    if (synth.addEventListener) synth.addEventListener("voiceschanged", finish);
    window.setTimeout(finish, 700);
  }
  function speak(button) {
    stopSpeaking();
    var text = button.dataset.text;
    var tag = button.dataset.tag || document.documentElement.lang;
    var fallback = button.getAttribute("href");
    if (button.dataset.recorded) { playAudio(button.dataset.recorded); return; }
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) {
      if (fallback && fallback !== "#") playAudio(fallback); else say(data.speechNone);
      return;
    }
    withVoices(function (voices) {
      var voice = voiceFor(tag, voices);
      if (!voice) {
        if (fallback && fallback !== "#") playAudio(fallback); else say(data.speechNone);
        return;
      }
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = tag;
      utterance.voice = voice;
      utterance.onerror = function (event) {
        // a browser may refuse to speak before the first tap on a page: one tap does it
        if (event && event.error === "not-allowed") button.classList.add("needs-tap");
      };
      window.speechSynthesis.speak(utterance);
    });
  }
  function readAloud() {
    var button = document.getElementById("read-aloud");
    if (!button) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      speak(button);
    });
    if (data.autoRead === "1") speak(button);
  }

  /* -- own words: a tile that asks for words goes to the text box first -- */
  function ownWords() {
    var box = document.getElementById("words");
    Array.prototype.forEach.call(document.querySelectorAll("button.tile[data-own-words]"), function (tile) {
      tile.addEventListener("click", function (event) {
        if (box && !box.value.trim()) {
          event.preventDefault();
          box.focus();
          say(box.labels && box.labels[0] ? box.labels[0].textContent : "");
        }
      });
    });
  }

  /* -- number keys 1 to 9 pick a choice (for a keyboard beside the tablet) -- */
  function numberKeys() {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && target.type !== "checkbox" && target.type !== "radio") return;
      if (event.key === "Escape") {
        Array.prototype.forEach.call(document.querySelectorAll("details[open]"), function (d) { d.open = false; });
        return;
      }
      if (!/^[1-9]$/.test(event.key)) return;
      var choice = document.querySelector('[data-number="' + event.key + '"]');
      if (choice) { event.preventDefault(); choice.click(); }
    });
  }

  /* -- one tap, one answer: a second tap while the page changes sends nothing -- */
  function oneSend() {
    Array.prototype.forEach.call(document.forms, function (form) {
      if (form.classList.contains("export-form")) return; // a download stays on the page
      form.addEventListener("submit", function (event) {
        if (form.dataset.sent) { event.preventDefault(); return; }
        form.dataset.sent = "1";
      });
    });
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(document.forms, function (form) { delete form.dataset.sent; });
    });
  }

  drafts();
  readAloud();
  ownWords();
  numberKeys();
  oneSend();
  focusFirst();
})();
