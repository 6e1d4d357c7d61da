package org.axdse.simulator.engine;

import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantParams;

/**
 * The model-input codes of a whole dataset, computed once: each raw byte goes through the preprocessing (as the
 * float model sees it, in float32) and the input tensor's quantizer. Since the result only depends on the byte and
 * its channel, it is a 256-entry table per channel.
 */
public final class InputCodes {
  private InputCodes() {}

  /** Sample-major codes of every image of {@code data}, {@code data.size() * data.imageBytes()} bytes. */
  public static byte[] of(Dataset data, Preprocessing pre, QuantParams input) {
    byte[][] lut = tables(pre, input);
    int per = data.imageBytes();
    int[] shape = pre.inputShape();
    int plane = pre.layout() == Preprocessing.Layout.NCHW ? shape[1] * shape[2] : per;
    byte[] codes = new byte[Math.multiplyExact(data.size(), per)];
    byte[] image = new byte[per];
    for (int n = 0; n < data.size(); n++) {
      data.copyImage(n, image, 0);
      for (int i = 0; i < per; i++) {
        codes[n * per + i] = lut[Math.min(i / plane, lut.length - 1)][image[i] & 0xFF];
      }
    }
    return codes;
  }

  /** Per channel, the code of each raw byte value. */
  static byte[][] tables(Preprocessing pre, QuantParams input) {
    int channels = pre.mean().length;
    byte[][] lut = new byte[channels][256];
    float[] x = new float[pre.sampleSize()];
    byte[] one = new byte[pre.sampleSize()];
    int plane = pre.sampleSize() / channels;
    for (int b = 0; b < 256; b++) {
      java.util.Arrays.fill(one, (byte) b);
      pre.apply(one, 0, x, 0);
      for (int c = 0; c < channels; c++) {
        lut[c][b] = (byte) input.quantize(x[c * plane]);
      }
    }
    return lut;
  }
}
