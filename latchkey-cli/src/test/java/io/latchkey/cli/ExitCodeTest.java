package io.latchkey.cli;

import io.latchkey.sdk.ApiError;
import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.AuthModeException;
import io.latchkey.sdk.BadRequestException;
import io.latchkey.sdk.ConflictException;
import io.latchkey.sdk.ForbiddenException;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.NetworkException;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.RateLimitException;
import io.latchkey.sdk.ServerException;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodeTest {

    private static ApiError error(int status) {
        return new ApiError(status, "r", null, null, "m", List.of());
    }

    @Test
    void ofWhenSdkErrorsThenDistinctCodes() {
        assertThat(ExitCode.of(new UnauthorizedException(error(403)))).isEqualTo(ExitCode.AUTH);
        assertThat(ExitCode.of(new AuthModeException("users", AuthMode.PROJECT, Set.of(AuthMode.USER)))).isEqualTo(ExitCode.AUTH);
        assertThat(ExitCode.of(new ForbiddenException(error(403), null, null))).isEqualTo(ExitCode.FORBIDDEN);
        assertThat(ExitCode.of(new NotFoundException(error(404)))).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(ExitCode.of(new ConflictException(error(409)))).isEqualTo(ExitCode.CONFLICT);
        assertThat(ExitCode.of(new ValidationException(error(422)))).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new BadRequestException(error(400)))).isEqualTo(ExitCode.GENERAL);
        assertThat(ExitCode.of(new RateLimitException(error(429), null))).isEqualTo(ExitCode.RATE_LIMITED);
        assertThat(ExitCode.of(new ServerException(error(503), null))).isEqualTo(ExitCode.SERVER);
        assertThat(ExitCode.of(new NetworkException("down", "r", null))).isEqualTo(ExitCode.NETWORK);
        assertThat(ExitCode.of(new LatchkeyApiException(error(413)))).isEqualTo(ExitCode.GENERAL);
        assertThat(ExitCode.of(new IllegalStateException("bug"))).isEqualTo(ExitCode.GENERAL);
    }

    @Test
    void valuesWhenListedThenNumbersDistinctAndFooterFitsEightyColumns() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct()).hasSize(ExitCode.values().length);
        assertThat(ExitCode.helpFooter()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(79));
    }

    @Test
    void readmeWhenDocumentingExitCodesThenMatchesThisEnumExactly() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (ExitCode c : ExitCode.values()) {
            assertThat(readme).as("README row for exit code " + c.code())
                    .contains("| " + c.code() + " | " + c.meaning() + " |");
        }
    }
}
