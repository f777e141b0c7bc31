package dev.tfir.convert.ir;

import dev.tfir.common.TfirException;

/** The model cannot be converted as asked: an op with attributes or inputs we cannot translate, bad option values. */
public class ConversionException extends TfirException {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message);
    }
}
