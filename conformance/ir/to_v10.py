"""Writes an IR again as IR v10 with OpenVINO's own serializer (v10 has static shapes: dynamic dims become 1).

Usage: python to_v10.py IN.xml OUT.xml   (OpenVINO 2024.6, the last runtime whose Python API writes v10)
"""
import sys

import openvino as ov
from openvino.runtime.passes import Manager, Serialize, Version


def main(source, target):
    model = ov.Core().read_model(source)
    if model.has_rt_info('version'):
        del model.get_rt_info()['version']  # the serializer refuses another version than the model's
    model.reshape({i.get_any_name(): [d if d.is_static else 1 for d in i.get_partial_shape()] for i in model.inputs})
    manager = Manager()
    manager.register_pass(Serialize(target, target[:-len('.xml')] + '.bin', Version.IR_V10))
    manager.run_passes(model)


if __name__ == '__main__':
    main(*sys.argv[1:])
