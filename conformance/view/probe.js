// Injected after the page's own script by conformance/view/run.py: real clicks and typing through DOM events,
// results written on <body data-probe-...> for --dump-dom. Opens the first folded scope, then searches QUERY.
(function () {
  const body = document.body.dataset;
  const result = {};
  result.firstDrawMs = +body.firstDrawMs;
  result.topItems = +body.items;
  result.external = document.querySelectorAll('script[src], link[href], img[src], iframe').length;
  const scope = document.querySelector('.item.scope');
  result.clickedScope = scope ? scope.dataset.name : null;
  if (scope) scope.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  result.openedClusters = Array.from(document.querySelectorAll('.cluster')).map(c => c.dataset.scope);
  result.itemsAfterClick = +body.items;
  const node = document.querySelector('.item.node');
  if (node) node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  result.details = document.getElementById('details').textContent.split('\n').slice(0, 3);
  const search = document.getElementById('search');
  search.value = QUERY;
  search.dispatchEvent(new Event('input', {bubbles: true}));
  result.hitBoxes = document.querySelectorAll('.item.hit').length;
  result.hitList = document.querySelectorAll('#hits li').length;
  result.marked = {inputs: document.querySelectorAll('.item.input').length,
    outputs: document.querySelectorAll('.item.output').length};
  body.probe = JSON.stringify(result);
})();
