package org.hvsim.scenario.load;

/**
 * A value could not be read as the quantity it should be. The message is plain English for the user
 * and does not name the key; {@link ObjectReader} adds the key and the location.
 */
public final class UnitException extends Exception {

    public UnitException(String message) {
        super(message);
    }
}
