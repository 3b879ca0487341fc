package io.github.understudy.spring.boot.autoconfigure;

/**
 * An {@code understudy.*} property that core refused, or that conflicts with another. Carries the property's name
 * so that {@link InvalidUnderstudyPropertyFailureAnalyzer} can say what to change without reading message text.
 */
final class InvalidUnderstudyPropertyException extends IllegalArgumentException {

    private final String property;

    /**
     * @param property the property's name, e.g. {@code understudy.probe-interval}
     * @param description what is wrong, naming the property
     * @param cause core's exception, or null
     */
    InvalidUnderstudyPropertyException(String property, String description, RuntimeException cause) {
        super(description, cause);
        this.property = property;
    }

    /** @return the property's name, e.g. {@code understudy.probe-interval} */
    String property() {
        return property;
    }
}
