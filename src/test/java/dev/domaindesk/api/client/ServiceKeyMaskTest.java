package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key is masked whole, and so is any run of six or more of its characters: a text cut short keeps none. */
class ServiceKeyMaskTest {
    private static final ServiceKey KEY = new ServiceKey("sk_live_ZqX7-seR4nd0mK3yM4t3r1al9f8e7d6c5b4", "test");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "refused sk_live_ZqX7-seR4nd0mK3yM4t3r1al9f8e7d6c5b4 here | refused ****c5b4 here",
        "xxxx sk_live_ZqX7-se…                                   | xxxx ****…",
        "key ends in …3r1al9f8e7d6c5b4                           | key ends in …****",
        "a middle part R4nd0mK3 of it                            | a middle part **** of it",
        "five in a row: sk_li is kept                            | five in a row: sk_li is kept",
        "nothing of the key here                                 | nothing of the key here",
    })
    void masks(String text, String masked) {
        assertEquals(masked, KEY.mask(text));
    }
}
