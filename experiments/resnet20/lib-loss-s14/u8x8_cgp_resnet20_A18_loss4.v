// u8x8_cgp_resnet20_A18_loss4: CGP-evolved for layer /stages/stages.2/stages.2.2/conv_b/Conv, loss <= 4.0 (seed 1, 30000 generations)
// u8x8, 11 cells; written by axdse (cells AND2 OR2 XOR2 XNOR2 NAND2 NOR2 INV BUF MUX2 HA FA)
module u8x8_cgp_resnet20_A18_loss4 (A, B, O);
  input [7:0] A;
  input [7:0] B;
  output [15:0] O;
  wire n16, n17, n18, n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30;
  AND2 g0 (.A(A[7]), .B(B[2]), .Y(n16));
  AND2 g1 (.A(A[6]), .B(B[6]), .Y(n17));
  AND2 g2 (.A(A[5]), .B(B[4]), .Y(n18));
  AND2 g3 (.A(A[4]), .B(B[1]), .Y(n19));
  AND2 g4 (.A(n16), .B(B[3]), .Y(n20));
  AND2 g5 (.A(n17), .B(B[2]), .Y(n21));
  MUX2 g6 (.S(n17), .A(n21), .B(B[7]), .Y(n22));
  FA g7 (.A(n22), .B(n19), .CI(n18), .S(n23), .CO(n24));
  HA g8 (.A(n20), .B(n21), .S(n25), .CO(n26));
  HA g9 (.A(n25), .B(n24), .S(n27), .CO(n28));
  FA g10 (.A(n16), .B(n26), .CI(n28), .S(n29), .CO(n30));
  assign O[0] = n16;
  assign O[1] = B[2];
  assign O[2] = B[4];
  assign O[3] = B[5];
  assign O[4] = n27;
  assign O[5] = A[6];
  assign O[6] = A[5];
  assign O[7] = n22;
  assign O[8] = B[0];
  assign O[9] = A[5];
  assign O[10] = A[3];
  assign O[11] = A[5];
  assign O[12] = n23;
  assign O[13] = n27;
  assign O[14] = n29;
  assign O[15] = n30;
endmodule
