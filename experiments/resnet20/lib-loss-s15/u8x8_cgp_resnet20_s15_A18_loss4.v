// u8x8_cgp_resnet20_s15_A18_loss4: CGP-evolved for layer /stages/stages.2/stages.2.2/conv_b/Conv, loss <= 4.0 (seed 1, 30000 generations)
// u8x8, 10 cells; written by axdse (cells AND2 OR2 XOR2 XNOR2 NAND2 NOR2 INV BUF MUX2 HA FA)
module u8x8_cgp_resnet20_s15_A18_loss4 (A, B, O);
  input [7:0] A;
  input [7:0] B;
  output [15:0] O;
  wire n16, n17, n18, n19, n20, n21, n22, n23, n24, n25, n26, n27, n28;
  AND2 g0 (.A(A[6]), .B(B[6]), .Y(n16));
  AND2 g1 (.A(B[4]), .B(A[5]), .Y(n17));
  AND2 g2 (.A(A[4]), .B(B[1]), .Y(n18));
  AND2 g3 (.A(A[7]), .B(B[2]), .Y(n19));
  AND2 g4 (.A(n16), .B(B[2]), .Y(n20));
  MUX2 g5 (.S(n16), .A(n20), .B(B[7]), .Y(n21));
  FA g6 (.A(n21), .B(n18), .CI(n17), .S(n22), .CO(n23));
  AND2 g7 (.A(B[0]), .B(n19), .Y(n24));
  HA g8 (.A(n20), .B(n23), .S(n25), .CO(n26));
  FA g9 (.A(n19), .B(n24), .CI(n26), .S(n27), .CO(n28));
  assign O[0] = B[5];
  assign O[1] = B[6];
  assign O[2] = A[0];
  assign O[3] = n28;
  assign O[4] = n16;
  assign O[5] = n20;
  assign O[6] = A[0];
  assign O[7] = A[4];
  assign O[8] = A[3];
  assign O[9] = n16;
  assign O[10] = A[3];
  assign O[11] = A[5];
  assign O[12] = n22;
  assign O[13] = n25;
  assign O[14] = n27;
  assign O[15] = n28;
endmodule
