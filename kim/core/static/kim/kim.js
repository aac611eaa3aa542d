/* KIM platform – small progressive enhancements. Everything works without this file. */
(function () {
  "use strict";

  // Language switch: submit on change; the button stays for users without JavaScript.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.documentElement.classList.add("js");

  // Move focus to the error summary so screen-reader users hear what to fix.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // Keep what was typed: forms marked data-keep-input are copied to sessionStorage while typing, so a
  // server error, an expired session or a lost connection never loses the input. Passwords and tokens
  // are never stored. The copy is removed once the form was accepted (the page after it has no errors).
  var KEY_PREFIX = "kim-draft:";
  function draftKey(form) { return KEY_PREFIX + location.pathname + "#" + (form.id || form.getAttribute("action") || ""); }
  function storable(el) {
    return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "password" && el.type !== "file" &&
      el.type !== "hidden" && !el.hasAttribute("data-no-draft");
  }
  function save(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!storable(el)) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        data[el.name + "=" + el.value] = el.checked;
      } else if (el.tagName === "SELECT" && el.multiple) {
        data[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      } else {
        data[el.name] = el.value;
      }
    });
    try { sessionStorage.setItem(draftKey(form), JSON.stringify(data)); } catch (e) { /* storage full or off */ }
  }
  function restore(form) {
    var raw = null;
    try { raw = sessionStorage.getItem(draftKey(form)); } catch (e) { return; }
    if (!raw) { return; }
    var data = JSON.parse(raw);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!storable(el)) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        var k = el.name + "=" + el.value;
        if (k in data) { el.checked = data[k]; }
      } else if (el.tagName === "SELECT" && el.multiple) {
        if (el.name in data) { Array.prototype.forEach.call(el.options, function (o) { o.selected = data[el.name].indexOf(o.value) >= 0; }); }
      } else if (el.name in data && !el.value) {
        el.value = data[el.name];
      }
    });
  }
  document.querySelectorAll("form[data-keep-input]").forEach(function (form) {
    var hasErrors = !!form.querySelector(".field--error, .error-summary");
    if (hasErrors || sessionStorage.getItem("kim-draft-pending") === draftKey(form)) { restore(form); }
    form.addEventListener("input", function () { save(form); });
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("submit", function () {
      save(form);
      sessionStorage.setItem("kim-draft-pending", draftKey(form));
    });
  });
  // A page that shows a success message means the pending draft was accepted: forget it.
  if (document.querySelector(".message--success")) {
    var pending = sessionStorage.getItem("kim-draft-pending");
    if (pending) { sessionStorage.removeItem(pending); sessionStorage.removeItem("kim-draft-pending"); }
  }
})();
