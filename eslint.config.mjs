import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "dist/", "lib/", "test/package/consumer/", "coverage/", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // The walls of the project: the hook runtime never loads cdktf; constructs never load the AWS SDK.
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["modules/hooks/runtime/**/*.ts", "modules/hooks/contract/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["cdktf", "cdktf/*", "constructs", "@cdktf/*"], message: "The hook runtime runs inside terraform apply/destroy and is bundled small: no cdktf." }] }],
    },
  },
  {
    files: ["main.ts", "modules/{role,stack,terraform-builtins,rollout}/**/*.ts", "modules/hooks/{onboarding,cleanup,asset,construct,account-guard}/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@cdktf/provider-aws", message: "Import provider classes by deep path (@cdktf/provider-aws/lib/<resource>): the package root costs seconds and hundreds of MB." }],
          patterns: [{ group: ["@aws-sdk/*", "@smithy/*"], message: "Constructs and synth never call AWS: no AWS SDK here." }],
        },
      ],
    },
  },
);
