"""Prints, as JSON, each IR's inputs and outputs as this Python's OpenVINO `read_model` gives them (no inference).

Usage: python read_model.py X.xml...   (run with the Python of each runtime's venv)
"""
import json
import sys

import openvino as ov


def ports(ports):
    return [dict(names=sorted(p.get_names()), element_type=p.get_element_type().get_type_name(),
                 partial_shape=str(p.get_partial_shape())) for p in ports]


def main(xmls):
    core = ov.Core()
    read = {}
    for xml in xmls:
        model = core.read_model(xml)
        read[xml] = dict(inputs=ports(model.inputs), outputs=ports(model.outputs))
    print(json.dumps(dict(runtime=ov.__version__.split('-')[0], models=read)))


if __name__ == '__main__':
    main(sys.argv[1:])
