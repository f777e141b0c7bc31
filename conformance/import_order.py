#!/usr/bin/env python3
"""Reference model of the node order summarize_graph.py reports, checked against TensorFlow.

summarize_graph() does tf.import_graph_def(graph_def) and then walks graph.as_graph_def().node: nodes come out
in the order TensorFlow's importer (core/common_runtime/graph_constructor.cc) created them, not in the file's
order. The importer is Kahn's algorithm with the ready set kept as an ordered set of GraphDef indices (always the
smallest index first):
  - pending(n) = number of inputs of n (data and ^control, each occurrence counted), except for a Merge with an
    input from a NextIteration node (a while-loop back edge): pending = number of ^control inputs + 1;
  - ready = {n : pending(n) == 0}; repeat: take the smallest index, emit it, and for each input edge into a
    consumer (one per occurrence), decrement the consumer's pending count, adding it to ready at 0.
A GraphDef already in topological order comes out unchanged.

Usage: conformance/import_order.py GRAPH.pb...   prints OK/MISMATCH per file, comparing this model with
TensorFlow's real import (needs the venv; re-executes itself with ${TFIR_VENV:-.venv}/bin/python if needed).
"""

import heapq
import os
import sys
from pathlib import Path


def import_order(graph_def):
    """Node names in the order tf.import_graph_def creates them."""
    nodes = list(graph_def.node)
    index = {n.name: i for i, n in enumerate(nodes)}
    next_iterations = {n.name for n in nodes if n.op in ('NextIteration', 'RefNextIteration')}
    pending = []
    consumers = [[] for _ in nodes]
    for i, n in enumerate(nodes):
        count = len(n.input)
        if n.op in ('Merge', 'RefMerge'):
            controls = sum(1 for s in n.input if s.startswith('^'))
            if any(not s.startswith('^') and s.split(':')[0] in next_iterations for s in n.input):
                count = controls + 1
        pending.append(count)
        for s in n.input:
            consumers[index[s.lstrip('^').split(':')[0]]].append(i)
    ready = [i for i, c in enumerate(pending) if c == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        i = heapq.heappop(ready)
        order.append(nodes[i].name)
        for c in consumers[i]:
            pending[c] -= 1
            if pending[c] == 0:
                heapq.heappush(ready, c)
    return order


def main():
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    try:
        import tensorflow as tf
    except ImportError:
        venv = Path(os.environ.get('TFIR_VENV', Path(__file__).resolve().parents[1] / '.venv'))
        if not (venv / 'bin' / 'python').exists() or Path(sys.prefix).resolve() == venv.resolve():
            sys.exit('import_order.py: no TensorFlow in %s (run tools/python/venv.sh)' % sys.executable)
        os.execv(str(venv / 'bin' / 'python'), [str(venv / 'bin' / 'python')] + sys.argv)
    failed = 0
    for path in sys.argv[1:]:
        graph_def = tf.compat.v1.GraphDef()
        graph_def.ParseFromString(Path(path).read_bytes())
        graph = tf.Graph()
        with graph.as_default():
            tf.compat.v1.import_graph_def(graph_def, name='')
        real = [n.name for n in graph.as_graph_def().node]
        model = import_order(graph_def)
        same = real == model
        failed += not same
        print('%s %s (%d nodes, file order %s)' % ('OK' if same else 'MISMATCH', path, len(real),
                                                   'kept' if real == [n.name for n in graph_def.node] else 'changed'))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
