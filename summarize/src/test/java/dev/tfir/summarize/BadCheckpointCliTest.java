package dev.tfir.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.common.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every damaged or misnamed checkpoint (testdata/checkpoints/bad/, damaged copies of TensorFlow's files made by
 * make_checkpoints.py) through the command line, reading every tensor (--list_variables --verify): exit code 1 and
 * one line on stderr naming the file that is wrong and what is wrong with it; nothing on stdout, no stack trace.
 */
class BadCheckpointCliTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no_such/model.ckpt              | no_such/model.ckpt                         | no such checkpoint",
        "../v2_small/model               | ../v2_small/model                          | holds the V2 checkpoint model.ckpt",
        "missing_shard/model.ckpt        | missing_shard/model.ckpt.data-00000-of-00001 | missing data file 1 of 1",
        "index_crc/model.ckpt            | index_crc/model.ckpt.index                 | fails its CRC32C check",
        "data_crc/model.ckpt             | data_crc/model.ckpt.data-00000-of-00001    | fails its CRC32C check",
        "truncated_index/model.ckpt      | truncated_index/model.ckpt.index           | truncated",
        "truncated_data/model.ckpt       | truncated_data/model.ckpt.data-00000-of-00001 | has only 2596 bytes",
        "oversized_entry/model.ckpt      | oversized_entry/model.ckpt.data-00000-of-00001 | 1099511628776",
        "v1_huge_shape/model.ckpt        | v1_huge_shape/model.ckpt                   | cannot hold its 1048576 values",
        "v1_named_index/model.ckpt       | v1_named_index/model.ckpt.index            | a V1 checkpoint file",
        "index_named_v1/model.ckpt       | index_named_v1/model.ckpt                  | the index of a V2 checkpoint",
        "v1_block_crc/blocks.ckpt        | v1_block_crc/blocks.ckpt                   | fails its CRC32C check",
        "v1_truncated/blocks.ckpt        | v1_truncated/blocks.ckpt                   | truncated",
        "v1_slice_rank/model.ckpt        | v1_slice_rank/model.ckpt                   | slice 0,1 in the table",
        // TensorFlow: "The length checksum does not match: expected 3373433948 but actual is 3897553162"
        "v2_big_endian_strings/dtypes    | v2_big_endian_strings/dtypes.data-00000-of-00001 | computed 0xe84ff10a",
    })
    void oneLineAndExitCode1(String given, String named, String what) {
        Path bad = TestData.checkpoint("bad");
        Cli result = Cli.run("--input_checkpoint", bad.resolve(given).toString(), "--list_variables", "--verify");
        assertEquals(1, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("summarize-graph: error: " + bad.resolve(named) + ": "), result.err());
        assertTrue(result.err().contains(what), result.err());
    }
}
