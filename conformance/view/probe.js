// Injected after the page's own script by conformance/view/run.py: real clicks and typing through DOM events,
// results written on <body data-probe> for --dump-dom. Opens the first folded scope, folds it by its title and
// opens it again, shows a node's details, then searches QUERY.
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
  const fold = document.querySelector('.cluster .fold');
  const folded = fold && fold.parentNode.dataset.scope;
  if (fold) fold.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  result.foldedAgain = !!folded && !document.querySelector('.cluster[data-scope="' + folded + '"]');
  const again = document.querySelector('.item.scope[data-name="' + folded + '"]');
  if (again) again.dispatchEvent(new MouseEvent('click', {bubbles: true}));
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
