package io.eventgateway.bootstrap.cli;

import io.eventgateway.bootstrap.role.RoleSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Turns {@code --role} text into a {@link RoleSet}, with a message that names the bad role. */
final class RoleSetConverter implements ITypeConverter<RoleSet> {

    @Override
    public RoleSet convert(String value) {
        try {
            return RoleSet.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
