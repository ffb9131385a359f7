/* Haave's pages work without this file. It only adds:
   - forms sent in the background and the next page swapped in (the same URL, history and
     redirects as without it): the page does not blink, the polite live region stays and
     announces the new question, and speech stays allowed after the first tap;
   - focus on the new question (or on the error to fix);
   - read aloud with the device's own voice in the session's language (the server's WAV where
     the device has none; the dialogue's recording first);
   - drafts of own words in this tab's sessionStorage (never sent anywhere, gone with the tab);
   - number keys for the choices, Esc closes Help, and one send per tap. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  function data() { return document.body.dataset; }

  /* -- status words for the client, in the page's language (from the page's data) -- */
  function say(words) {
    var box = document.getElementById("announce");
    if (!box || !words) return;
    box.textContent = "";
    window.setTimeout(function () { box.textContent = words; }, 150);
  }

  function focusFirst() {
    var error = document.getElementById("error-summary");
    // the question, or what the page names (the card just moved on the topic mat)
    var question = data().focus ? document.getElementById(data().focus) : null;
    var target = error || question;
    if (target && !window.location.hash) target.focus();
    if (!error && data().announce) say(data().announce);
  }

  /* -- drafts: own words typed but not sent yet survive a reload, sleep or a lost network -- */
  function store() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }
  function draftKey(name) { return "haave:draft:" + (data().session || "") + ":" + name; }
  function saveDraft(field) {
    var s = store();
    if (!s || !data().session) return;
    try {
      if (field.value.trim()) s.setItem(draftKey(field.dataset.draft), field.value);
      else s.removeItem(draftKey(field.dataset.draft));
    } catch (e) { /* storage full or refused: the form still works */ }
  }
  function saveAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-draft]"), saveDraft);
  }
  function restoreDrafts() {
    var s = store();
    if (!s || !data().session) return;
    (data().draftsDone || "").split(" ").forEach(function (done) {
      if (done) s.removeItem(draftKey(done));
    });
    var restored = false;
    Array.prototype.forEach.call(document.querySelectorAll("[data-draft]"), function (field) {
      var kept = s.getItem(draftKey(field.dataset.draft));
      if (kept !== null && kept !== field.value) {
        field.value = kept;
        restored = true;
        var details = field.closest("details");
        if (details) details.open = true;
      }
    });
    if (restored) say(data().draftBack);
  }
  var typing = null;
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field || !field.dataset || !field.dataset.draft) return;
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { saveDraft(field); }, 500);
  });
  window.setInterval(saveAll, 3000);
  window.addEventListener("pagehide", saveAll);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") saveAll();
  });

  /* -- read aloud: the device's own voice in the session's language -- */
  var player = null;
  function stopSpeaking() {
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    if (player) player.pause();
  }
  function playAudio(url) {
    if (!player || !document.body.contains(player)) {
      player = document.createElement("audio");
      player.id = "speech-audio";
      player.preload = "none";
      document.body.appendChild(player);
    }
    player.src = url;
    var started = player.play();
    if (started && started.catch) started.catch(function () { say(data().speechNone); });
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
    var tag = button.dataset.tag || root.lang;
    var fallback = button.getAttribute("href");
    var useServer = function () {
      if (fallback && fallback !== "#") playAudio(fallback); else say(data().speechNone);
    };
    if (button.dataset.recorded) { playAudio(button.dataset.recorded); return; }
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) { useServer(); return; }
    withVoices(function (voices) {
      var voice = voiceFor(tag, voices);
      if (!voice) { useServer(); return; }
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = tag;
      utterance.voice = voice;
      utterance.onerror = function (event) {
        // a browser may refuse to speak on a page not yet touched: one tap on the button
        if (event && event.error === "not-allowed") button.classList.add("needs-tap");
      };
      window.speechSynthesis.speak(utterance);
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#read-aloud");
    if (button) { event.preventDefault(); speak(button); return; }
    // a tile that asks for own words goes to the text box first
    var tile = event.target.closest && event.target.closest("button.tile[data-own-words]");
    var box = document.getElementById("words");
    if (tile && box && !box.value.trim()) {
      event.preventDefault();
      box.focus();
      say(box.labels && box.labels[0] ? box.labels[0].textContent : "");
    }
  });

  /* -- "at most three": a fourth tick is taken back and the page says why -- */
  document.addEventListener("change", function (event) {
    var box = event.target;
    var form = box && box.form;
    if (!form || box.type !== "checkbox" || !box.checked || !form.dataset.most) return;
    var ticked = form.querySelectorAll('input[type="checkbox"]:checked').length;
    if (ticked > Number(form.dataset.most)) {
      box.checked = false;
      var note = form.querySelector(".too-many");
      if (note) note.hidden = false;
      say(form.dataset.tooMany);
    }
  });

  /* -- number keys 1 to 9 pick a choice (a keyboard beside the tablet); Esc closes Help -- */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") {
      Array.prototype.forEach.call(document.querySelectorAll("details[open]"), function (d) { d.open = false; });
      return;
    }
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) &&
        target.type !== "checkbox" && target.type !== "radio") return;
    if (!/^[1-9]$/.test(event.key)) return;
    var choice = document.querySelector('[data-number="' + event.key + '"]');
    if (choice) { event.preventDefault(); choice.click(); }
  });

  /* -- forms: sent in the background, the next page swapped in; one send per tap -- */
  function swap(html, url, started) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var announce = document.getElementById("announce");
    var next = document.adoptNode(doc.body);
    var nextAnnounce = next.querySelector("#announce");
    if (announce && nextAnnounce) nextAnnounce.parentNode.replaceChild(announce, nextAnnounce);
    document.title = doc.title;
    root.lang = doc.documentElement.lang;
    root.className = doc.documentElement.className + " js";
    stopSpeaking();
    root.replaceChild(next, document.body);
    if (url && url !== window.location.href) window.history.pushState({haave: 1}, "", url);
    window.scrollTo(0, 0);
    page();
    window.requestAnimationFrame(function () {
      window.setTimeout(function () { window.__haaveSwapMs = performance.now() - started; }, 0);
    });
  }
  function plainly(form, submitter) {
    form.dataset.plain = "1";
    if (form.requestSubmit) form.requestSubmit(submitter || undefined); else form.submit();
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    saveAll();
    if (form.dataset.plain) return; // the fallback: the browser sends it itself
    if (form.dataset.sent) { event.preventDefault(); return; }
    var submitter = event.submitter || null;
    // a download stays on the page; old browsers send it themselves
    if (form.classList.contains("export-form") || !window.fetch || !window.DOMParser ||
        (form.getAttribute("method") || "").toLowerCase() !== "post") {
      if (!form.classList.contains("export-form")) form.dataset.sent = "1";
      return;
    }
    event.preventDefault();
    form.dataset.sent = "1";
    var fields = new FormData(form);
    if (submitter && submitter.name) fields.append(submitter.name, submitter.value);
    var started = performance.now();
    window.fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(fields),
      credentials: "same-origin",
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("text/html") !== 0) throw new Error("not a page");
      return response.text().then(function (html) { swap(html, response.url, started); });
    }).catch(function () {
      delete form.dataset.sent;
      plainly(form, submitter); // the network or the page went wrong: the plain way
    });
  });
  window.addEventListener("popstate", function () { window.location.reload(); });
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.forms, function (form) { delete form.dataset.sent; });
  });

  /* -- each page, first or swapped in -- */
  function page() {
    restoreDrafts();
    focusFirst();
    var button = document.getElementById("read-aloud");
    if (button && data().autoRead === "1") speak(button);
  }
  page();
})();
