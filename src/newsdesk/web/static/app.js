// newsdesk pages: the citation panel and the upload form. Text from the server or from
// articles is only ever set with textContent or cloned from escaped markup, never innerHTML.
"use strict";

function showCite(link) {
  const ctx = document.getElementById("cite-" + link.dataset.cite);
  const panel = document.getElementById("cite-panel");
  if (!ctx || !panel) return false;
  const copy = ctx.cloneNode(true);
  copy.removeAttribute("id");
  copy.hidden = false;
  panel.querySelector(".panel-body").replaceChildren(copy);
  panel.hidden = false;
  panel.focus();
  document.querySelectorAll("a.cite.active").forEach((a) => a.classList.remove("active"));
  link.classList.add("active");
  return true;
}

document.addEventListener("click", (ev) => {
  const link = ev.target.closest("a.cite");
  if (link && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey && showCite(link)) {
    ev.preventDefault();
    return;
  }
  if (ev.target.closest("#cite-panel .close")) {
    document.getElementById("cite-panel").hidden = true;
  }
});

document.addEventListener("keydown", (ev) => {
  const panel = document.getElementById("cite-panel");
  if (ev.key === "Escape" && panel) panel.hidden = true;
});

function addResult(list, text, isError) {
  const li = document.createElement("li");
  li.textContent = text;
  if (isError) li.className = "error";
  list.appendChild(li);
}

function showReport(report, status, list) {
  if (report && Array.isArray(report.results)) {
    status.textContent = `Done: ${report.articles} new article(s) from ${report.files} file(s)` +
      (report.skipped ? `, ${report.skipped} already stored` : "") + ".";
    for (const r of report.results) {
      addResult(list, r.error ? r.error : `${r.name}: ${r.articles} article(s)`, Boolean(r.error));
    }
  } else {
    status.textContent = "Upload failed: " + ((report && report.error) || "no answer from the server");
    status.className = "error";
  }
}

function sendUpload(form) {
  const status = document.getElementById("upload-status");
  const progress = document.getElementById("upload-progress");
  const list = document.getElementById("upload-results");
  const data = new FormData();
  const files = form.querySelector("input[type=file]").files;
  for (const f of files) data.append("files", f, f.name);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", form.action);
  const token = form.querySelector("input[name=token]");
  if (token && token.value) xhr.setRequestHeader("Authorization", "Bearer " + token.value);
  list.replaceChildren();
  status.className = "";
  status.textContent = `Uploading ${files.length} file(s)…`;
  progress.hidden = false;
  progress.value = 0;
  xhr.upload.addEventListener("progress", (ev) => {
    if (ev.lengthComputable) progress.value = Math.round((ev.loaded / ev.total) * 100);
  });
  xhr.upload.addEventListener("load", () => {
    progress.value = 100;
    status.textContent = "Uploaded; reading and linking the pages…";
  });
  xhr.addEventListener("load", () => {
    let report = null;
    try { report = JSON.parse(xhr.responseText); } catch (e) { report = null; }
    showReport(report, status, list);
  });
  xhr.addEventListener("error", () => {
    status.textContent = "Upload failed: the server could not be reached.";
    status.className = "error";
  });
  xhr.send(data);
}

document.addEventListener("submit", (ev) => {
  if (ev.target.id === "upload-form") {
    ev.preventDefault();
    sendUpload(ev.target);
  }
});
