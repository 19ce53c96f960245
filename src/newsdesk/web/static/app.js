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

function showReport(report, status) {
  status.className = "";
  status.textContent = `Done: ${report.articles} new article(s) from ${report.files} file(s)` +
    (report.skipped ? `, ${report.skipped} already stored` : "") +
    (report.errors.length ? `, ${report.errors.length} file(s) with errors` : "") + ".";
}

function showFailure(status, message) {
  status.textContent = "Upload failed: " + (message || "no answer from the server");
  status.className = "error";
}

// The server streams one JSON line per event (received, file, linking, done, error);
// read the lines as they arrive so each file's result shows as soon as it is known.
function handleEvent(ev, ui) {
  if (ev.event === "received") {
    ui.files.max = Math.max(1, ev.total);
    ui.files.value = 0;
    ui.files.parentElement.hidden = ev.total === 0;
    ui.status.textContent = `Reading ${ev.total} file(s)…`;
  } else if (ev.event === "file") {
    addResult(ui.list, ev.error ? ev.error : `${ev.name}: ${ev.articles} article(s)`, Boolean(ev.error));
    if (ev.done) {
      ui.files.value = ev.done;
      ui.status.textContent = `Read ${ev.done} of ${ev.total} file(s)…`;
    }
  } else if (ev.event === "linking") {
    ui.status.textContent = "Linking stories, comparing claims and writing briefs…";
  } else if (ev.event === "done") {
    ui.finished = true;
    showReport(ev.report, ui.status);
  } else if (ev.event === "error") {
    ui.finished = true;
    showFailure(ui.status, ev.error);
  }
}

function readEvents(xhr, ui) {
  const text = xhr.responseText;
  let end;
  while ((end = text.indexOf("\n", ui.seen)) >= 0) {
    const line = text.slice(ui.seen, end);
    ui.seen = end + 1;
    if (line.trim()) {
      try { handleEvent(JSON.parse(line), ui); } catch (e) { /* a partial line waits for the rest */ }
    }
  }
}

function sendUpload(form) {
  const ui = {
    status: document.getElementById("upload-status"),
    bytes: document.getElementById("upload-progress"),
    files: document.getElementById("ingest-progress"),
    list: document.getElementById("upload-results"),
    seen: 0,
    finished: false,
  };
  const data = new FormData();
  const picked = form.querySelector("input[type=file]").files;
  for (const f of picked) data.append("files", f, f.name);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", form.action + "?stream=true");
  const token = form.querySelector("input[name=token]");
  if (token && token.value) xhr.setRequestHeader("Authorization", "Bearer " + token.value);
  ui.list.replaceChildren();
  ui.status.className = "";
  ui.status.textContent = `Uploading ${picked.length} file(s)…`;
  ui.bytes.parentElement.hidden = false;
  ui.bytes.value = 0;
  ui.files.parentElement.hidden = true;
  xhr.upload.addEventListener("progress", (ev) => {
    if (ev.lengthComputable) ui.bytes.value = Math.round((ev.loaded / ev.total) * 100);
  });
  xhr.upload.addEventListener("load", () => {
    ui.bytes.value = 100;
    ui.status.textContent = "Uploaded; saving the files…";
  });
  xhr.addEventListener("progress", () => { if (xhr.status === 200) readEvents(xhr, ui); });
  xhr.addEventListener("load", () => {
    if (xhr.status !== 200) {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      showFailure(ui.status, body && body.error);
      return;
    }
    readEvents(xhr, ui);
    if (!ui.finished) showFailure(ui.status, "the server stopped before finishing");
  });
  xhr.addEventListener("error", () => showFailure(ui.status, "the server could not be reached"));
  xhr.send(data);
}

document.addEventListener("submit", (ev) => {
  if (ev.target.id === "upload-form") {
    ev.preventDefault();
    sendUpload(ev.target);
  }
});
