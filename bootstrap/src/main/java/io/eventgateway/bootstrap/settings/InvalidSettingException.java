package io.eventgateway.bootstrap.settings;

/** A dynamic-settings change refused: {@code field} names what is wrong, the message says why. */
final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidSettingException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
