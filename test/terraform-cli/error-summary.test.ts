import { terraformErrorSummary } from "../../modules/terraform-cli";

describe("terraformErrorSummary", () => {
  it("keeps the first Error: paragraph, not the tail of a long SDK error", () => {
    // What `terraform init -no-color` printed for a missing S3 state bucket (tried by hand).
    const stderr = [
      "",
      'Error: Failed to get existing workspaces: S3 bucket "acme-terraform-state-111111111111" does not exist.',
      "",
      "The referenced S3 bucket must have been previously created. If the S3 bucket",
      "was created within the last minute, please wait for a minute or two and try",
      "again.",
      "",
      "Error: operation error S3: ListObjectsV2, https response error StatusCode: 404, RequestID: 1n8v, HostID: 9Gjj, NoSuchBucket: ",
      "",
    ].join("\n");
    expect(terraformErrorSummary(stderr, 1)).toBe(
      'Error: Failed to get existing workspaces: S3 bucket "acme-terraform-state-111111111111" does not exist. The referenced S3 bucket must have been previously created. If the S3 bucket was created within the last minute, please wait for a minute or two and try',
    );
  });

  it("reads a boxed diagnostic (a run without -no-color)", () => {
    expect(terraformErrorSummary("╷\n│ Error: Invalid provider configuration\n│ \n│ Provider needs a region.\n╵\n", 1)).toBe("Error: Invalid provider configuration Provider needs a region.");
  });

  it("falls back to the last three lines, then to the exit code", () => {
    expect(terraformErrorSummary("a\nb\nc\nd\n", 1)).toBe("b c d");
    expect(terraformErrorSummary("", 137)).toBe("exit code 137");
  });
});
