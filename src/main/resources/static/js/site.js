// The only script of the pages: a live word count under the plan's overview and reflection. The pages work
// without it (the server counts on every save); the words for "n of 200 words" come from the page itself.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('textarea[data-max-words]').forEach(function (area) {
    var out = document.getElementById(area.getAttribute('aria-describedby'));
    if (!out) { return; }
    var max = parseInt(area.getAttribute('data-max-words'), 10);
    var template = out.textContent.replace(/\d+/, '{n}');
    var update = function () {
      var text = area.value.trim();
      var n = text === '' ? 0 : text.split(/\s+/).length;
      out.textContent = template.replace('{n}', n);
      out.classList.toggle('over', n > max);
    };
    area.addEventListener('input', update);
    update();
  });
});
