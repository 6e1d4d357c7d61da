package org.axdse.results.report;

/**
 * The report's only script and its style: it turns the SVG {@code <title>} of each hover target (see
 * {@link org.axdse.results.plots.PointTips}) into a styled box that follows the pointer, and removes the title so
 * the browser does not show its own tooltip as well. Without scripts the titles remain and browsers show them.
 */
final class TooltipScript {
  /** The id of the tooltip box. */
  static final String BOX_ID = "axdse-tip";

  private TooltipScript() {}

  static final String STYLE = """
      #axdse-tip { position: absolute; display: none; z-index: 10; pointer-events: none; white-space: pre;
        background: #fffbe6; border: 1px solid #8a6d00; border-radius: 3px; padding: 0.3em 0.5em;
        font: 12px/1.35 monospace; color: #222; box-shadow: 1px 2px 4px rgba(0, 0, 0, 0.25); }
      .axdse-tips circle { cursor: pointer; }
      .axdse-tips circle.hover { stroke: #000 !important; stroke-width: 1.5 !important; }
      figure svg { max-width: 100%; height: auto; border: 1px solid #ddd; display: block; }
      """;

  static final String SCRIPT = """
      (function () {
        var box = document.createElement('div');
        box.id = 'axdse-tip';
        document.body.appendChild(box);
        function place(e) {
          var x = e.pageX + 14, y = e.pageY + 14;
          if (e.clientX + 14 + box.offsetWidth > document.documentElement.clientWidth) {
            x = e.pageX - 14 - box.offsetWidth;
          }
          if (e.clientY + 14 + box.offsetHeight > document.documentElement.clientHeight) {
            y = Math.max(window.scrollY, e.pageY - 14 - box.offsetHeight);
          }
          box.style.left = Math.max(0, x) + 'px';
          box.style.top = y + 'px';
        }
        document.querySelectorAll('.axdse-tips circle').forEach(function (c) {
          var title = c.querySelector('title');
          if (!title) { return; }
          c.setAttribute('data-tip', title.textContent);
          title.remove();
          c.addEventListener('mouseenter', function (e) {
            box.textContent = c.getAttribute('data-tip');
            box.style.display = 'block';
            c.classList.add('hover');
            place(e);
          });
          c.addEventListener('mousemove', place);
          c.addEventListener('mouseleave', function () {
            box.style.display = 'none';
            c.classList.remove('hover');
          });
        });
      })();
      """;
}
