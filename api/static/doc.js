/* Document view: highlight the lines named in the address (#L296 or #L296-L300) and scroll to them. */
"use strict";

function highlightFromHash() {
  const m = /^#L(\d+)(?:-L?(\d+))?$/.exec(location.hash);
  if (!m) return;
  const start = Number(m[1]);
  const end = Math.min(Number(m[2] || m[1]), start + 2000);
  document.querySelectorAll("li.hl-hash").forEach((li) => li.classList.remove("hl-hash"));
  for (let n = start; n <= end; n += 1) {
    const li = document.getElementById(`L${n}`);
    if (li) li.classList.add("hl-hash");
  }
  const first = document.getElementById(`L${start}`);
  if (first) first.scrollIntoView({block: "center"});
}

window.addEventListener("hashchange", highlightFromHash);
highlightFromHash();
